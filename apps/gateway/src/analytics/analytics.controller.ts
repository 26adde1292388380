import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, PARTY_READERS, Roles, type Caller } from '@gridline/auth';
import { AnalyticsClient, PartyFiguresQuery } from '@gridline/contracts-analytics';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';

@ApiTags('analytics')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/analytics`)
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsClient) {}

  @Get('overview')
  @ApiOperation({ summary: 'Streets, communities, grids and exclusive grids in your scope' })
  overview(@CurrentCaller() caller: Caller) {
    return this.analytics.overview(caller);
  }

  @Get('collection')
  @ApiOperation({ summary: 'Basic-information collection quality over the grids in your scope, weakest first' })
  collection(@CurrentCaller() caller: Caller) {
    return this.analytics.collectionQuality(caller);
  }

  @Get('hotline')
  @ApiOperation({ summary: "The hotline's three rates and unit figures per lead owner over the last 30 days, as last published" })
  hotline(@CurrentCaller() caller: Caller) {
    return this.analytics.hotlineFigures(caller);
  }

  @Get('party')
  @Roles(...PARTY_READERS)
  @ApiOperation({
    summary: 'Party figures of a unit in your scope and of each unit directly beneath it: grids, grids with a branch and the coverage share, members by status, in-service registrations in force, and the activities held, check-ins and approved service hours of a period of China days',
  })
  party(@CurrentCaller() caller: Caller, @Query() query: PartyFiguresQuery) {
    return this.analytics.partyFigures(caller, query);
  }
}
