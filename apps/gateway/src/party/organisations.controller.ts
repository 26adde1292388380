import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, PARTY_KEEPERS, PARTY_READERS, Roles, type Caller } from '@gridline/auth';
import { CreateOrganisationRequest, ListOrganisationsQuery, OrganisationsClient, UpdateOrganisationBody } from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/** Party organisations mirroring the grid (一网格一支部): working committee, community committees, grid branches, groups. */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party/organisations`)
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsClient) {}

  @Post()
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Found an organisation on a unit of your scope, under its parent (one active branch per grid, committee per community)' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateOrganisationRequest) {
    return this.organisations.create(caller, body);
  }

  @Get()
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Organisations in your scope by unit, level and parent (paginated)' })
  @ApiOffsetPage('An organisation as GET /party/organisations/{id} answers it')
  list(@CurrentCaller() caller: Caller, @Query() query: ListOrganisationsQuery) {
    return this.organisations.list(caller, query);
  }

  @Get(':id')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'One organisation in your scope' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.organisations.get(caller, id);
  }

  @Patch(':id')
  @Roles(...PARTY_KEEPERS)
  @ApiOperation({ summary: 'Rename, dissolve (no active organisation beneath it) or restore an organisation' })
  update(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: UpdateOrganisationBody) {
    return this.organisations.update(caller, id, body);
  }
}
