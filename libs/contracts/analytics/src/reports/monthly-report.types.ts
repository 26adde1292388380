import type { UnitLevel } from '@gridline/contracts-registry';
import type { AppealFigures, CaseFigures } from '../figures/figures.types';
import type { HotlineOwnerFiguresView } from '../hotline-figures/hotline-figures.types';
import type { RankingRowView, RankingWeightsView } from '../rankings/rankings.types';

/** One hot topic of the month: a category by the cases reported and 12345 appeals received beneath the unit, with the month before beside it. */
export interface MonthlyHotTopic {
  rank: number;
  category: string;
  categoryName: string | null;
  reported: number;
  /** reported / all cases reported in the month beneath the unit, to three places. */
  share: number | null;
  appeals: number;
  previousReported: number;
  previousAppeals: number;
}

/** A case given a red card (红牌) in the month: the supervision's escalation of a case long past its due time. */
export interface MonthlyRedCard {
  /** The case's work order (工单号); null for a case whose events came before they carried it. */
  workOrder: string | null;
  incidentId: string;
  /** When the (first, if several) red card of the month was given. */
  at: string;
  categoryCode: string;
  categoryName: string | null;
  gridCode: string;
  gridName: string | null;
  ownerKind: 'department' | 'unit' | null;
  ownerCode: string | null;
  ownerName: string | null;
  /** The case's status now. */
  status: string;
}

/**
 * The grid centre's monthly report of a street or community (GET /api/v1/analytics/reports/monthly): every section read
 * in one snapshot of analytics' tables, so its figures agree. Definitions: docs/analytics.md.
 */
export interface MonthlyReportView {
  unit: { code: string; name: string | null; level: UnitLevel };
  /** YYYY-MM, and its China days. */
  month: string;
  from: string;
  to: string;
  previous: { month: string; from: string; to: string };
  /** When analytics composed it. */
  generatedAt: string;
  /** Volumes and rates: the grid cases' figures of the month and of the month before. */
  figures: { current: CaseFigures; previous: CaseFigures };
  /** The top 10 categories by cases reported and appeals received in the month together. */
  hotTopics: MonthlyHotTopic[];
  /**
   * The month's league (排名): a street's communities and the grids beneath the unit ranked by the composite score of
   * the rankings (with the month before's rank), by the street's weights; `communities` null for a community.
   */
  rankings: { weights: RankingWeightsView; communities: RankingRowView[] | null; grids: RankingRowView[] };
  /** The month's red cards beneath the unit, oldest first. */
  redCards: MonthlyRedCard[];
  /**
   * The hotline's three rates and unit figures: of the month and the month before, recounted from analytics' appeal
   * projection (`current`, `previous`: as `GET /analytics/figures` answers `appeals`); and as the hotline last
   * published them (its own last 30 days) for the unit itself and the units beneath it (`unit`, `beneath`).
   */
  hotline: { current: AppealFigures; previous: AppealFigures; unit: HotlineOwnerFiguresView | null; beneath: HotlineOwnerFiguresView[] };
}
