import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { ExportAuditEntryView, ExportAuditQuery, ExportRecorded, OffsetPage } from '@gridline/platform';
import type { RecordAnalyticsExportRequest } from './exports/analytics-exports.dto';
import type { MonthlyReportQuery } from './reports/monthly-report.dto';
import type { MonthlyReportView } from './reports/monthly-report.types';
import { ANALYTICS_REQUESTS } from './analytics.requests';
import type { CollectionQualityView, OverviewView } from './overview/overview.types';
import type { HotlineFiguresView } from './hotline-figures/hotline-figures.types';
import type { PartyFiguresQuery } from './party-figures/party-figures.dto';
import type { FiguresQuery } from './figures/figures.dto';
import type { FiguresView } from './figures/figures.types';
import type { PartyFiguresView } from './party-figures/party-figures.types';
import type { HotspotsQuery, TrendsQuery } from './hotspots/hotspots.dto';
import type { HexHotspotsView, HotspotsView, TrendsView, UnitHotspotsView } from './hotspots/hotspots.types';
import type { LeagueTableQuery, RankingWeightsBody, RankingWeightsQuery, RankingsQuery } from './rankings/rankings.dto';
import type { LeagueTableView, RankingWeightsView, RankingsView } from './rankings/rankings.types';
import type { WorkloadQuery } from './workload/workload.dto';
import type { WorkloadView } from './workload/workload.types';

@Injectable()
export class AnalyticsClient {
  constructor(private readonly bus: BusRequester) {}

  overview(caller: Caller): Promise<OverviewView> {
    return this.bus.request(ANALYTICS_REQUESTS.overview, {}, { caller });
  }

  collectionQuality(caller: Caller): Promise<CollectionQualityView> {
    return this.bus.request(ANALYTICS_REQUESTS.collectionQuality, {}, { caller });
  }

  hotlineFigures(caller: Caller): Promise<HotlineFiguresView> {
    return this.bus.request(ANALYTICS_REQUESTS.hotlineFigures, {}, { caller });
  }

  partyFigures(caller: Caller, query: PartyFiguresQuery): Promise<PartyFiguresView> {
    return this.bus.request(ANALYTICS_REQUESTS.partyFigures, query, { caller });
  }

  figures(caller: Caller, query: FiguresQuery): Promise<FiguresView> {
    return this.bus.request(ANALYTICS_REQUESTS.figures, query, { caller });
  }

  /** The answer's shape follows `by`: per H3 cell for `hex`, else by category × unit or per grid. */
  hotspots(caller: Caller, query: HotspotsQuery & { by: 'hex' }): Promise<HexHotspotsView>;
  hotspots(caller: Caller, query: HotspotsQuery & { by?: 'category' | 'grid' }): Promise<UnitHotspotsView>;
  hotspots(caller: Caller, query: HotspotsQuery): Promise<HotspotsView>;
  hotspots(caller: Caller, query: HotspotsQuery): Promise<HotspotsView> {
    return this.bus.request(ANALYTICS_REQUESTS.hotspots, query, { caller });
  }

  trends(caller: Caller, query: TrendsQuery): Promise<TrendsView> {
    return this.bus.request(ANALYTICS_REQUESTS.trends, query, { caller });
  }

  recordExport(caller: Caller, request: RecordAnalyticsExportRequest): Promise<ExportRecorded> {
    return this.bus.request(ANALYTICS_REQUESTS.recordExport, request, { caller });
  }

  exportAudit(caller: Caller, query: ExportAuditQuery): Promise<OffsetPage<ExportAuditEntryView>> {
    return this.bus.request(ANALYTICS_REQUESTS.exportAudit, query, { caller });
  }

  monthlyReport(caller: Caller, query: MonthlyReportQuery): Promise<MonthlyReportView> {
    return this.bus.request(ANALYTICS_REQUESTS.monthlyReport, query, { caller });
  }

  rankings(caller: Caller, query: RankingsQuery): Promise<RankingsView> {
    return this.bus.request(ANALYTICS_REQUESTS.rankings, query, { caller });
  }

  leagueTable(caller: Caller, query: LeagueTableQuery): Promise<LeagueTableView> {
    return this.bus.request(ANALYTICS_REQUESTS.leagueTable, query, { caller });
  }

  rankingWeights(caller: Caller, query: RankingWeightsQuery): Promise<RankingWeightsView> {
    return this.bus.request(ANALYTICS_REQUESTS.rankingWeights, query, { caller });
  }

  setRankingWeights(caller: Caller, street: string | undefined, weights: RankingWeightsBody): Promise<RankingWeightsView> {
    return this.bus.request(ANALYTICS_REQUESTS.setRankingWeights, { ...weights, street }, { caller });
  }

  workload(caller: Caller, query: WorkloadQuery): Promise<WorkloadView> {
    return this.bus.request(ANALYTICS_REQUESTS.workload, query, { caller });
  }
}
