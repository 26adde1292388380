import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gridline/auth';
import { ListVisitsQuery, LogVisitRequest, OpenVisitIncidentBody, VisitsClient } from '@gridline/contracts-incidents';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/** Household visits (走访) by grid staff. */
@ApiTags('visits')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/visits`)
export class VisitsController {
  constructor(private readonly visits: VisitsClient) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: "Log a visit to a registry household in a grid of your scope (grid staff and partners, grid centres)" })
  log(@CurrentCaller() caller: Caller, @Body() body: LogVisitRequest) {
    return this.visits.log(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'Visits in your scope by unit, household and period, newest first (paginated)' })
  @ApiOffsetPage('A visit as POST /visits answers it')
  list(@CurrentCaller() caller: Caller, @Query() query: ListVisitsQuery) {
    return this.visits.list(caller, query);
  }

  @Post(':id/incident')
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: "Open a case from a visit: a report whose source is the visit, in the visit's grid unless a grid or location is given" })
  openIncident(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: OpenVisitIncidentBody) {
    return this.visits.openIncident(caller, id, body);
  }
}
