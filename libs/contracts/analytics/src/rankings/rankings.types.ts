import type { UnitLevel } from '@gridline/contracts-registry';
import type { FiguresPeriodKind } from '../figures/figures.dto';
import type { FiguresRate } from '../figures/figures.types';
import type { RankingLevel, RankingPart } from './rankings.dto';

/** A weight per part of the composite score. */
export type RankingWeights = Record<RankingPart, number>;

/** The weights a street ranks by: as set (or the defaults), and normalised to sum 1 (what the scores use). */
export interface RankingWeightsView {
  street: string | null;
  streetName: string | null;
  /** `street`: set by the street; `default`: the documented defaults (none set, or no street). */
  source: 'street' | 'default';
  /** As set (any non-negative numbers, not all zero). */
  weights: RankingWeights;
  /** Each weight / their sum, to three places. */
  normalised: RankingWeights;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * One part of a row's score: the rate with its parts, the weight it carries in this row (the street's normalised
 * weight over the parts that have data; null without data) and its contribution (100 × weight × rate, two places).
 */
export interface RankingPartView extends FiguresRate {
  weight: number | null;
  contribution: number | null;
}

/** One ranked (or unranked) unit or department of a ranking. */
export interface RankingRowView {
  code: string;
  name: string | null;
  level: UnitLevel | 'department';
  /** `no_data`: none of the weighted parts had a denominator in the period (listed after the ranked, by code). */
  status: 'ranked' | 'no_data';
  parts: Record<RankingPart, RankingPartView>;
  /** 0–100, two places (the sum of the contributions); null without data. */
  score: number | null;
  /** 1 = best; ties broken by the case volume (more first), then the code; null without data. */
  rank: number | null;
  /** The rank in the period before, with the same weights (null: no data then). */
  previousRank: number | null;
  /** previousRank − rank: positive moved up, negative down, 0 kept; null when either is missing. */
  movement: number | null;
  /** Cases accepted (立案) in the period: beneath the unit, or owned by the department. */
  volume: number;
}

export interface RankingPeriodView {
  kind: FiguresPeriodKind | 'range';
  from: string;
  to: string;
}

/** GET /api/v1/analytics/rankings: units beneath a unit (or departments) by the composite score, best first. */
export interface RankingsView {
  /** The unit beneath which is ranked (a department's handler: null, every case). */
  unit: { code: string; name: string | null; level: UnitLevel } | null;
  level: RankingLevel;
  current: RankingPeriodView;
  previous: RankingPeriodView;
  /** The weights used (the street's of the unit, or the defaults). */
  weights: RankingWeightsView;
  /** How many rows are ranked (a department's handler sees only their own row, ranked among this many). */
  ranked: number;
  rows: RankingRowView[];
}

/** The parts and score of a whole unit over a period (the street's totals in the league table). */
export interface RankingTotalsView {
  period: RankingPeriodView;
  parts: Record<RankingPart, RankingPartView>;
  score: number | null;
  volume: number;
}

/**
 * GET /api/v1/analytics/rankings/league: the street's monthly league table (排名通报) — its communities, grids and
 * departments ranked over the month (with the month before's ranks), and the street's own totals for the month and
 * the month before.
 */
export interface LeagueTableView {
  street: { code: string; name: string | null };
  /** YYYY-MM, and the month before. */
  month: string;
  previousMonth: string;
  weights: RankingWeightsView;
  totals: { current: RankingTotalsView; previous: RankingTotalsView };
  communities: RankingRowView[];
  grids: RankingRowView[];
  departments: RankingRowView[];
}
