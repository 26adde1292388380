import { defineRequest, serviceInfoRequest } from '@gridline/messaging/contracts';
import type { ExportAuditEntryView, ExportAuditQuery, ExportRecorded, OffsetPage } from '@gridline/platform';
import type { RecordAnalyticsExportRequest } from './exports/analytics-exports.dto';
import type { MonthlyReportQuery } from './reports/monthly-report.dto';
import type { MonthlyReportView } from './reports/monthly-report.types';
import type { CollectionQualityView, OverviewView } from './overview/overview.types';
import type { HotlineFiguresView } from './hotline-figures/hotline-figures.types';
import type { PartyFiguresQuery } from './party-figures/party-figures.dto';
import type { FiguresQuery } from './figures/figures.dto';
import type { FiguresView } from './figures/figures.types';
import type { PartyFiguresView } from './party-figures/party-figures.types';
import type { HotspotsQuery, TrendsQuery } from './hotspots/hotspots.dto';
import type { HotspotsView, TrendsView } from './hotspots/hotspots.types';
import type { LeagueTableQuery, RankingWeightsQuery, RankingsQuery, SetRankingWeightsRequest } from './rankings/rankings.dto';
import type { LeagueTableView, RankingWeightsView, RankingsView } from './rankings/rankings.types';
import type { WorkloadQuery } from './workload/workload.dto';
import type { WorkloadView } from './workload/workload.types';
import type { CandidateIdRequest, CandidateRulesQuery, DismissCandidateRequest, ListCandidatesQuery, PutCandidateRulesRequest } from './candidates/candidates.dto';
import type { CandidatePage, CandidateRulesView, CandidateView } from './candidates/candidates.types';

/** Every query analytics answers over the bus. */
export const ANALYTICS_REQUESTS = {
  info: serviceInfoRequest('analytics'),
  overview: defineRequest<Record<string, never>, OverviewView>('analytics', 'analytics.overview.get'),
  collectionQuality: defineRequest<Record<string, never>, CollectionQualityView>('analytics', 'analytics.collection.get'),
  hotlineFigures: defineRequest<Record<string, never>, HotlineFiguresView>('analytics', 'analytics.hotline.get'),
  partyFigures: defineRequest<PartyFiguresQuery, PartyFiguresView>('analytics', 'analytics.party.figures'),
  figures: defineRequest<FiguresQuery, FiguresView>('analytics', 'analytics.figures.get'),
  hotspots: defineRequest<HotspotsQuery, HotspotsView>('analytics', 'analytics.hotspots.get'),
  trends: defineRequest<TrendsQuery, TrendsView>('analytics', 'analytics.trends.get'),
  recordExport: defineRequest<RecordAnalyticsExportRequest, ExportRecorded>('analytics', 'analytics.export.record'),
  exportAudit: defineRequest<ExportAuditQuery, OffsetPage<ExportAuditEntryView>>('analytics', 'analytics.export.list'),
  monthlyReport: defineRequest<MonthlyReportQuery, MonthlyReportView>('analytics', 'analytics.report.monthly'),
  rankings: defineRequest<RankingsQuery, RankingsView>('analytics', 'analytics.rankings.get'),
  leagueTable: defineRequest<LeagueTableQuery, LeagueTableView>('analytics', 'analytics.rankings.league'),
  rankingWeights: defineRequest<RankingWeightsQuery, RankingWeightsView>('analytics', 'analytics.rankings.weights.get'),
  setRankingWeights: defineRequest<SetRankingWeightsRequest, RankingWeightsView>('analytics', 'analytics.rankings.weights.set'),
  workload: defineRequest<WorkloadQuery, WorkloadView>('analytics', 'analytics.workload.get'),
  candidateRules: defineRequest<CandidateRulesQuery, CandidateRulesView>('analytics', 'analytics.candidate_rules.get'),
  putCandidateRules: defineRequest<PutCandidateRulesRequest, CandidateRulesView>('analytics', 'analytics.candidate_rules.put'),
  /** Removes a street's own rules (it uses the platform default's again); answers the rules it now uses. */
  deleteCandidateRules: defineRequest<CandidateRulesQuery, CandidateRulesView>('analytics', 'analytics.candidate_rules.delete'),
  listCandidates: defineRequest<ListCandidatesQuery, CandidatePage>('analytics', 'analytics.candidate.list'),
  getCandidate: defineRequest<CandidateIdRequest, CandidateView>('analytics', 'analytics.candidate.get'),
  dismissCandidate: defineRequest<DismissCandidateRequest, CandidateView>('analytics', 'analytics.candidate.dismiss'),
  liftCandidate: defineRequest<CandidateIdRequest, CandidateView>('analytics', 'analytics.candidate.lift'),
} as const;
