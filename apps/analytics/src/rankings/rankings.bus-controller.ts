import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BoundedRead } from '@gridline/persistence';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS, LeagueTableQuery, RankingWeightsQuery, RankingsQuery, SetRankingWeightsRequest } from '@gridline/contracts-analytics';
import { GetLeagueTableQuery } from './use-cases/get-league-table/get-league-table.query';
import { GetLeagueTableUseCase } from './use-cases/get-league-table/get-league-table.use-case';
import { GetRankingWeightsQuery } from './use-cases/get-ranking-weights/get-ranking-weights.query';
import { GetRankingWeightsUseCase } from './use-cases/get-ranking-weights/get-ranking-weights.use-case';
import { GetRankingsQuery } from './use-cases/get-rankings/get-rankings.query';
import { GetRankingsUseCase } from './use-cases/get-rankings/get-rankings.use-case';
import { SetRankingWeightsCommand } from './use-cases/set-ranking-weights/set-ranking-weights.command';
import { SetRankingWeightsUseCase } from './use-cases/set-ranking-weights/set-ranking-weights.use-case';

@Controller()
export class RankingsBusController {
  constructor(
    private readonly getRankings: GetRankingsUseCase,
    private readonly getLeagueTable: GetLeagueTableUseCase,
    private readonly getWeights: GetRankingWeightsUseCase,
    private readonly setWeights: SetRankingWeightsUseCase,
  ) {}

  @MessagePattern(ANALYTICS_REQUESTS.rankings.pattern)
  @BoundedRead()
  rankings(@Payload() query: RankingsQuery, @BusCaller() caller: Caller) {
    return this.getRankings.execute(new GetRankingsQuery(caller, query));
  }

  @MessagePattern(ANALYTICS_REQUESTS.leagueTable.pattern)
  @BoundedRead()
  league(@Payload() query: LeagueTableQuery, @BusCaller() caller: Caller) {
    return this.getLeagueTable.execute(new GetLeagueTableQuery(caller, query));
  }

  @MessagePattern(ANALYTICS_REQUESTS.rankingWeights.pattern)
  @BoundedRead()
  weights(@Payload() query: RankingWeightsQuery, @BusCaller() caller: Caller) {
    return this.getWeights.execute(new GetRankingWeightsQuery(caller, query.street));
  }

  @MessagePattern(ANALYTICS_REQUESTS.setRankingWeights.pattern)
  setRankingWeights(@Payload() { street, onTime, resolution, satisfaction, rework }: SetRankingWeightsRequest, @BusCaller() caller: Caller) {
    return this.setWeights.execute(new SetRankingWeightsCommand(caller, street, { onTime, resolution, satisfaction, rework }));
  }
}
