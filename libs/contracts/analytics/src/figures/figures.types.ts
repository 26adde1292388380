import type { IncidentStep } from '@gridline/contracts-incidents';
import type { UnitLevel } from '@gridline/contracts-registry';
import type { HotlineOwnerFiguresView } from '../hotline-figures/hotline-figures.types';
import type { CollectionQualityView } from '../overview/overview.types';
import type { PartyFigures } from '../party-figures/party-figures.types';
import type { FiguresPeriodKind } from './figures.dto';

/** A rate with its parts: `rate` = numerator / denominator to three places, null when the denominator is 0. */
export interface FiguresRate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** The grid cases' figures of a scope over a period (definitions: docs/analytics.md). */
export interface CaseFigures {
  reported: number;
  accepted: number;
  rejected: number;
  closed: number;
  /** Reported before the period's end and not rejected, closed, cancelled or merged by then. */
  open: number;
  /** Of those open at the period's end, the ones whose current step was past its due time then. */
  overdue: number;
  /** Per step: ended on time / (ended in the period + overdue at its end with the due time in the period). */
  onTime: Record<IncidentStep, FiguresRate>;
  warnings: number;
  yellowCards: number;
  redCards: number;
  /** Of the cases closed in the period: returned at least once, reworked at least once, extended at least once. */
  returnRate: FiguresRate;
  reworkRate: FiguresRate;
  extensionRate: FiguresRate;
  /** Working hours from acceptance to closure of the cases closed in the period. */
  handlingHours: { cases: number; mean: number | null; p90: number | null };
  /** Evaluations given in the period: how many, the mean rating and the share rated 4 or 5. */
  evaluations: { count: number; meanRating: number | null; satisfied: FiguresRate };
}

/**
 * The 12345 appeals of a scope over a period, recounted from analytics' appeal projection (definitions:
 * docs/analytics.md): the hotline's three rates and unit figures of the unit or department as lead owner over the
 * appeals received in the period — the hotline's own definitions (`GET /api/v1/appeals/figures`), each with its parts.
 */
export interface AppealFigures {
  /** Appeals received in the period whose place lies at or beneath the unit, whoever leads them; null for a department. */
  received: number | null;
  /** Appeals received in the period that the unit or department leads now (the hotline's `appeals` of the owner). */
  appeals: number;
  /** Signed for by the signing-for deadline / dispatched. */
  responseRate: FiguresRate;
  /** Answered as resolved / answered. */
  resolutionRate: FiguresRate;
  /** Satisfied or basically satisfied / rated (satisfied, basically satisfied, dissatisfied; not reached is no rating). */
  satisfactionRate: FiguresRate;
  /** Answered by the answer deadline / answered. */
  onTimeRate: FiguresRate;
  /** Returned at least once / appeals. */
  returnRate: FiguresRate;
  /** Re-handled (reopened) at least once / appeals. */
  reopenRate: FiguresRate;
  /** Extended at least once / appeals. */
  extensionRate: FiguresRate;
}

export interface FiguresPeriodView {
  kind: FiguresPeriodKind | 'range';
  /** China days, both inclusive. */
  from: string;
  to: string;
  cases: CaseFigures;
  /** The appeals of the unit or department over the period (the hotline's three rates and unit figures). */
  appeals: AppealFigures;
}

export type FiguresScopeView = { kind: 'unit'; code: string; name: string | null; level: UnitLevel } | { kind: 'department'; code: string; name: string | null };

/** GET /api/v1/analytics/figures: a unit's or department's figures over a period, with the period before beside it. */
export interface FiguresView {
  scope: FiguresScopeView;
  current: FiguresPeriodView;
  previous: FiguresPeriodView;
  /**
   * The hotline's three rates and unit figures of this unit or department as the hotline last published them (its own
   * last 30 days); null if none. The same figures over the period asked are `current.appeals` and `previous.appeals`.
   */
  hotline: HotlineOwnerFiguresView | null;
  /** Collection quality over the grids at or beneath the unit (latest reports); null for a department. */
  collection: CollectionQualityView | null;
  /** The party figures of the unit over the period (null for a department, or a caller who does not read party figures). */
  party: PartyFigures | null;
}
