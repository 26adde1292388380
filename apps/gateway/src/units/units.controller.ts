import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, MAP_EDITORS, Roles, type Caller } from '@gridline/auth';
import { CreateUnitRequest, ListUnitsQuery, LocateQuery, RegistryClient, UpdateUnitBody } from '@gridline/contracts-registry';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UnitCodeParam } from './unit-code.param';

@ApiTags('grid map')
@ApiBearerAuth()
@ApiProblems()
@Controller(API_PREFIX)
export class UnitsController {
  constructor(private readonly registry: RegistryClient) {}

  @Get('units')
  @ApiOperation({ summary: 'Units in your scope, filtered by parent, level and text; paginated' })
  @ApiOffsetPage('A unit as GET /units/{code} answers it')
  list(@CurrentCaller() caller: Caller, @Query() query: ListUnitsQuery) {
    return this.registry.listUnits(caller, query);
  }

  @Get('units/:code')
  @ApiOperation({ summary: 'One unit, with its boundary' })
  get(@CurrentCaller() caller: Caller, @Param() { code }: UnitCodeParam) {
    return this.registry.getUnit(caller, code);
  }

  @Get('units/:code/children')
  @ApiOperation({ summary: 'The units directly beneath a unit' })
  children(@CurrentCaller() caller: Caller, @Param() { code }: UnitCodeParam) {
    return this.registry.listChildren(caller, code);
  }

  @Post('units')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...MAP_EDITORS)
  @ApiOperation({ summary: 'Add a street, community, grid or exclusive grid to the map' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateUnitRequest) {
    return this.registry.createUnit(caller, body);
  }

  @Patch('units/:code')
  @Roles(...MAP_EDITORS)
  @ApiOperation({ summary: "Change a unit's name, kind, boundary or active flag" })
  update(@CurrentCaller() caller: Caller, @Param() { code }: UnitCodeParam, @Body() body: UpdateUnitBody) {
    return this.registry.updateUnit(caller, code, body);
  }

  @Get('locate')
  @ApiOperation({ summary: 'The grid containing a point, with its community and street' })
  locate(@CurrentCaller() caller: Caller, @Query() query: LocateQuery) {
    return this.registry.locate(caller, query);
  }
}
