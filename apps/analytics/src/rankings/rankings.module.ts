import { Module } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { FiguresModule } from '../figures/figures.module';
import { PartyFiguresModule } from '../party/party-figures.module';
import { RankingWeightsRepository } from './ranking-weights.repository';
import { RankingsBusController } from './rankings.bus-controller';
import { GetLeagueTableUseCase } from './use-cases/get-league-table/get-league-table.use-case';
import { GetRankingWeightsUseCase } from './use-cases/get-ranking-weights/get-ranking-weights.use-case';
import { GetRankingsUseCase } from './use-cases/get-rankings/get-rankings.use-case';
import { SetRankingWeightsUseCase } from './use-cases/set-ranking-weights/set-ranking-weights.use-case';

/**
 * Rankings by a composite score (`analytics.rankings.get`), the street's monthly league table
 * (`analytics.rankings.league`) and the streets' weights (`analytics.rankings.weights.get|set`). Exports the league
 * table's and the rankings' use cases for in-process callers (the monthly report).
 */
@Module({
  imports: [FiguresModule, PartyFiguresModule],
  controllers: [RankingsBusController],
  providers: [RankingWeightsRepository, GetRankingsUseCase, GetLeagueTableUseCase, GetRankingWeightsUseCase, SetRankingWeightsUseCase, TransactionRunner],
  exports: [GetLeagueTableUseCase, GetRankingsUseCase],
})
export class RankingsModule {}
