import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, FIGURES_READERS, Roles, type Caller } from '@gridline/auth';
import { AnalyticsClient, LeagueTableQuery, RankingWeightsBody, RankingWeightsQuery, RankingsQuery } from '@gridline/contracts-analytics';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';

@ApiTags('analytics')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/analytics`)
export class RankingsController {
  constructor(private readonly analytics: AnalyticsClient) {}

  @Get('rankings')
  @Roles(...FIGURES_READERS)
  @ApiOperation({
    summary:
      "Rankings: the communities of a street, the grids beneath a unit or the departments (over the unit's cases) in your scope by a composite score of on-time, resolution, satisfaction and rework with the street's weights, over a period (as the figures) — each part's value, weight and contribution, the rank, the period before's rank and the movement, the case volume; units without data last. A department's handler: their own row. Definitions: docs/analytics.md",
  })
  rankings(@CurrentCaller() caller: Caller, @Query() query: RankingsQuery) {
    return this.analytics.rankings(caller, query);
  }

  @Get('rankings/league')
  @Roles(...FIGURES_READERS)
  @ApiOperation({
    summary: "The street's monthly league table (排名通报): its communities, grids and departments ranked over the month with the month before's ranks, and the street's totals for the month and the month before",
  })
  league(@CurrentCaller() caller: Caller, @Query() query: LeagueTableQuery) {
    return this.analytics.leagueTable(caller, query);
  }

  @Get('ranking-weights')
  @Roles(...FIGURES_READERS)
  @ApiOperation({ summary: "A street's ranking weights (as set, or the defaults) and normalised to sum 1" })
  weights(@CurrentCaller() caller: Caller, @Query() query: RankingWeightsQuery) {
    return this.analytics.rankingWeights(caller, query);
  }

  @Put('ranking-weights')
  @HttpCode(200)
  @Roles('admin', 'street_admin')
  @ApiOperation({ summary: "Set a street's ranking weights (its street admin or an admin): non-negative numbers, not all zero, used in proportion; the change is audited" })
  setWeights(@CurrentCaller() caller: Caller, @Query() { street }: RankingWeightsQuery, @Body() body: RankingWeightsBody) {
    return this.analytics.setRankingWeights(caller, street, body);
  }
}
