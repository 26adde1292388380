import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, PARTY_KEEPERS, PARTY_READERS, PUBLIC_CALLER, Roles, type Caller } from '@gridline/auth';
import { Public } from '@gridline/platform';
import {
  CreateStationRequest,
  ListStationServicesQuery,
  ListStationsQuery,
  NearestStationsQuery,
  OpenStationCaseBody,
  RecordStationServiceBody,
  StationServiceCountsQuery,
  StationsClient,
  UpdateStationBody,
} from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/** Grid red stations (网格红色驿站): the six functions, service records, hand-offs to the grid, the public nearest lookup. */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party/stations`)
export class StationsController {
  constructor(private readonly stations: StationsClient) {}

  @Post()
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a red station at a point of your grids (resolved to its grid), run by an organisation on the grid’s path' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateStationRequest) {
    return this.stations.create(caller, body);
  }

  @Get()
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Stations in your scope by unit, function and active (paginated)' })
  @ApiOffsetPage('A station as GET /party/stations/{id} answers it')
  list(@CurrentCaller() caller: Caller, @Query() query: ListStationsQuery) {
    return this.stations.list(caller, query);
  }

  @Get('nearest')
  @Public()
  @ApiOperation({
    summary: 'The red stations nearest to a point, for residents (no token)',
    description: [
      'Give `lat` and `lng` (WGS 84); `limit` 1–10 (default 3). Active stations by great-circle distance, nearest first.',
      'Public fields only: name, address, location, opening hours, functions, the **published** contact (the post and its work phone) and the distance in metres.',
      'No token needed; per client address at most PUBLIC_LOOKUP_RATE_LIMIT (shared with GET /public/grid), then 429 with Retry-After.',
    ].join('\n\n'),
  })
  @ApiOkResponse({ description: '`[{ name, address, location, openingHours, functions, contact, distanceMeters }]`' })
  nearest(@Query() query: NearestStationsQuery) {
    return this.stations.nearest(PUBLIC_CALLER, query);
  }

  @Get('records')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Service records in your scope by station, unit, function and period, newest day first (paginated)' })
  @ApiOffsetPage('A service record')
  records(@CurrentCaller() caller: Caller, @Query() query: ListStationServicesQuery) {
    return this.stations.listServices(caller, query);
  }

  @Get('counts')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Records and people served per function, over your scope (and a station, unit, period)' })
  counts(@CurrentCaller() caller: Caller, @Query() query: StationServiceCountsQuery) {
    return this.stations.countServices(caller, query);
  }

  @Post('records/:id/case')
  @Roles(...PARTY_KEEPERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand a social-conditions report to the grid as a case in incidents (once: asked again, the same case)' })
  openCase(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: OpenStationCaseBody) {
    return this.stations.openCase(caller, id, body);
  }

  @Get(':id')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'One station in your scope' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.stations.get(caller, id);
  }

  @Patch(':id')
  @Roles(...PARTY_KEEPERS)
  @ApiOperation({ summary: 'Change a station (a new point is resolved again) or deactivate it (active: false)' })
  update(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: UpdateStationBody) {
    return this.stations.update(caller, id, body);
  }

  @Post(':id/records')
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a service under a function the station offers; a mediation may name its dispute in incidents' })
  record(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: RecordStationServiceBody) {
    return this.stations.recordService(caller, id, body);
  }
}
