import { queryString, type Api } from '@/shared/api/client';
import type { FiguresRate, PeriodQuery } from '@/features/figures/figures.types';

export const RANKING_LEVELS = ['community', 'grid', 'department'] as const;
export const RANKING_PARTS = ['onTime', 'resolution', 'satisfaction', 'rework'] as const;
export type RankingPart = (typeof RANKING_PARTS)[number];

/** A part of a score: its rate with numerator and denominator, the weight it carries and its contribution (100 × weight × rate). */
export interface RankingPartView extends FiguresRate {
  weight: number | null;
  contribution: number | null;
}

export interface RankingRowView {
  code: string;
  name: string | null;
  level: string;
  status: 'ranked' | 'no_data';
  parts: Record<RankingPart, RankingPartView>;
  score: number | null;
  rank: number | null;
  previousRank: number | null;
  movement: number | null;
  volume: number;
}

export type RankingWeights = Record<RankingPart, number>;

/** GET /analytics/ranking-weights: a street's weights as set (or the defaults) and normalised to sum 1. */
export interface RankingWeightsView {
  street: string | null;
  streetName: string | null;
  source: 'street' | 'default';
  weights: RankingWeights;
  normalised: RankingWeights;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** GET /analytics/rankings (docs/analytics.md "Rankings"). */
export interface RankingsView {
  unit: { code: string; name: string | null; level: string } | null;
  level: string;
  current: { from: string; to: string };
  previous: { from: string; to: string };
  /** The weights used: the street's of the unit, or the defaults. */
  weights: RankingWeightsView;
  ranked: number;
  rows: RankingRowView[];
}

export interface RankingTotalsView {
  period: { from: string; to: string };
  parts: Record<RankingPart, RankingPartView>;
  score: number | null;
  volume: number;
}

/** GET /analytics/rankings/league: the street's monthly league table (排名通报). */
export interface LeagueTableView {
  street: { code: string; name: string | null };
  month: string;
  previousMonth: string;
  totals: { current: RankingTotalsView; previous: RankingTotalsView };
  communities: RankingRowView[];
  grids: RankingRowView[];
  departments: RankingRowView[];
}

export const getRankings = (api: Api, unit: string | undefined, level: string | undefined, period: PeriodQuery) => api.get<RankingsView>('/analytics/rankings', { unit, level, ...period });
export const getLeague = (api: Api, unit: string | undefined, month: string | undefined) => api.get<LeagueTableView>('/analytics/rankings/league', { unit, month });

/** Who may set a street's weights (PUT /analytics/ranking-weights: its street admin, or an admin). The API decides; this only decides what shows. */
const WEIGHTS_KEEPERS = new Set(['admin', 'street_admin']);
export const mayKeepRankingWeights = (roles: readonly string[] | undefined) => (roles ?? []).some((role) => WEIGHTS_KEEPERS.has(role));
export const getRankingWeights = (api: Api, street: string | undefined) => api.get<RankingWeightsView>('/analytics/ranking-weights', { street });
/** A PUT: the same weights again change nothing, so it needs no Idempotency-Key. */
export const setRankingWeights = (api: Api, street: string | undefined, weights: RankingWeights) =>
  api.request<RankingWeightsView>('PUT', `/analytics/ranking-weights${queryString({ street })}`, weights);
