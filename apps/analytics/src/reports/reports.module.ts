import { Module } from '@nestjs/common';
import { AnalyticsExportsModule } from '../exports/analytics-exports.module';
import { FiguresModule } from '../figures/figures.module';
import { HotlineFiguresModule } from '../hotline/hotline-figures.module';
import { HotspotsModule } from '../hotspots/hotspots.module';
import { PartyFiguresModule } from '../party/party-figures.module';
import { RankingsModule } from '../rankings/rankings.module';
import { MonthlyReportRepository } from './monthly-report.repository';
import { ReportsBusController } from './reports.bus-controller';
import { GetMonthlyReportUseCase } from './use-cases/get-monthly-report/get-monthly-report.use-case';

/** The grid centre's monthly report (`analytics.report.monthly`), composed from the figures, hot spots and hotline tables in one snapshot. */
@Module({
  imports: [FiguresModule, HotspotsModule, HotlineFiguresModule, PartyFiguresModule, AnalyticsExportsModule, RankingsModule],
  controllers: [ReportsBusController],
  providers: [MonthlyReportRepository, GetMonthlyReportUseCase],
})
export class ReportsModule {}
