/** The analytics answers the console reads (as docs/openapi.json and docs/analytics.md describe them). */

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const STEPS = ['accept', 'dispatch', 'sign', 'handle', 'verify'] as const;

/** A rate with its parts: `rate` = numerator / denominator, null when the denominator is 0. */
export interface FiguresRate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface CaseFigures {
  reported: number;
  accepted: number;
  rejected: number;
  closed: number;
  open: number;
  overdue: number;
  onTime: Record<(typeof STEPS)[number], FiguresRate>;
  warnings: number;
  yellowCards: number;
  redCards: number;
  returnRate: FiguresRate;
  reworkRate: FiguresRate;
  extensionRate: FiguresRate;
  handlingHours: { cases: number; mean: number | null; p90: number | null };
  evaluations: { count: number; meanRating: number | null; satisfied: FiguresRate };
}

export interface AppealFigures {
  received: number | null;
  appeals: number;
  responseRate: FiguresRate;
  resolutionRate: FiguresRate;
  satisfactionRate: FiguresRate;
  onTimeRate: FiguresRate;
  returnRate: FiguresRate;
  reopenRate: FiguresRate;
  extensionRate: FiguresRate;
}

export interface FiguresPeriodView {
  kind: PeriodKind | 'range';
  from: string;
  to: string;
  cases: CaseFigures;
  appeals: AppealFigures;
}

/** GET /analytics/figures. */
export interface FiguresView {
  scope: { kind: 'unit' | 'department'; code: string; name: string | null; level?: string };
  current: FiguresPeriodView;
  previous: FiguresPeriodView;
}

/** The period as /analytics/figures and /analytics/rankings take it: a calendar period holding `from`, or `from`–`to`. */
export interface PeriodQuery {
  period?: PeriodKind;
  from?: string;
  to?: string;
}

export interface TrendPoint {
  bucket: string;
  reported: number;
  closed: number;
  appeals: number;
}

/** GET /analytics/trends. */
export interface TrendsView {
  unit: string;
  interval: 'day' | 'week';
  from: string;
  to: string;
  total: TrendPoint[];
  series: { category: string; points: TrendPoint[] }[];
}

export interface HotspotView {
  category: string | null;
  unit: string;
  unitName: string | null;
  reported: number;
  appeals: number;
}

/** GET /analytics/hotspots?by=category. */
export interface HotspotsView {
  unit: string;
  by: 'category' | 'grid';
  from: string;
  to: string;
  total: number;
  appeals: number;
  spots: HotspotView[];
}
