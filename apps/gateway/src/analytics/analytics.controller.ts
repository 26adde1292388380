import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, FIGURES_READERS, PARTY_READERS, Roles, type Caller } from '@gridline/auth';
import { AnalyticsClient, FiguresQuery, HotspotsQuery, PartyFiguresQuery, TrendsQuery } from '@gridline/contracts-analytics';
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

  @Get('figures')
  @Roles(...FIGURES_READERS)
  @ApiOperation({
    summary:
      "A unit's (or a department's) figures over a period (day, week, month, quarter, year or from–to, China time) with the period before beside it: grid cases reported, accepted, rejected, closed, open, overdue; on-time rate per step; cards; return, rework and extension rates; handling hours (mean, p90); evaluations; the hotline's figures; collection quality; party figures. Definitions: docs/analytics.md",
  })
  figures(@CurrentCaller() caller: Caller, @Query() query: FiguresQuery) {
    return this.analytics.figures(caller, query);
  }

  @Get('hotspots')
  @Roles(...FIGURES_READERS)
  @ApiOperation({
    summary:
      'Hot spots: the grid cases reported (`reported`) and the 12345 appeals received (`appeals`) in a period (China days) beneath a unit in your scope (of one category, if asked), by category × the unit directly beneath (by=category; an appeal not located at a grid at the street itself), per grid (by=grid), or per H3 cell of their location at resolution 7, 8 or 9 (by=hex: each cell with its centre, GeoJSON outline and counts; those without a location in `unlocated` and `unlocatedAppeals`), most first. Definitions: docs/analytics.md',
  })
  hotspots(@CurrentCaller() caller: Caller, @Query() query: HotspotsQuery) {
    return this.analytics.hotspots(caller, query);
  }

  @Get('trends')
  @Roles(...FIGURES_READERS)
  @ApiOperation({
    summary: 'Trends: the grid cases reported and closed and the 12345 appeals received beneath a unit in your scope per China day or ISO week, zero-filled, in total and per category (the one asked, or the top 5 by cases and appeals). Definitions: docs/analytics.md',
  })
  trends(@CurrentCaller() caller: Caller, @Query() query: TrendsQuery) {
    return this.analytics.trends(caller, query);
  }
}
