import { RANKING_PARTS, type RankingPart, type RankingPartView, type RankingRowView, type RankingWeights } from '@gridline/contracts-analytics';
import type { UnitLevel } from '@gridline/contracts-registry';
import type { FiguresCount, GroupedCounts } from '../figures/figures.repository';
import { share } from '../party/party-figures';

/** The weights of a street that set none (docs/analytics.md): on time and resolution 30 % each, satisfaction and rework 20 % each. */
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = { onTime: 0.3, resolution: 0.3, satisfaction: 0.2, rework: 0.2 };

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Each weight / their sum (exact; the views round). Refuses weights that are negative, not finite or all zero. */
export function normaliseWeights(weights: RankingWeights): RankingWeights {
  for (const part of RANKING_PARTS) if (!Number.isFinite(weights[part]) || weights[part] < 0) throw new Error(`weight ${part} ${weights[part]}`);
  const sum = RANKING_PARTS.reduce((total, part) => total + weights[part], 0);
  if (sum <= 0) throw new Error('the weights are all zero');
  return Object.fromEntries(RANKING_PARTS.map((part) => [part, weights[part] / sum])) as RankingWeights;
}

/** A unit or department to rank, with its counts over the period (none: nothing counted). */
export interface RankingCandidate {
  code: string;
  name: string | null;
  level: UnitLevel | 'department';
  counts: GroupedCounts | undefined;
}

/** A row's parts and score: null when none of the weighted parts has a denominator. */
export interface ScoredParts {
  parts: Record<RankingPart, RankingPartView>;
  score: number | null;
}

const NO_COUNT: FiguresCount = { numerator: 0, denominator: 0 };

/**
 * The composite score of one unit's counts: each part's rate (numerator / denominator), and of the parts that have
 * data (denominator > 0) each one's weight renormalised over them, so that a part without data neither helps nor
 * hurts; score = 100 × Σ weight × rate, each contribution and the score to two places. No weighted part with data: no
 * score.
 */
export function scoreParts(counts: GroupedCounts | undefined, weights: RankingWeights): ScoredParts {
  const normalised = normaliseWeights(weights);
  const of = (part: RankingPart) => counts?.[part] ?? NO_COUNT;
  const weighted = RANKING_PARTS.filter((part) => of(part).denominator > 0 && normalised[part] > 0);
  const sum = weighted.reduce((total, part) => total + normalised[part], 0);
  let score = 0;
  const parts = Object.fromEntries(
    RANKING_PARTS.map((part) => {
      const { numerator, denominator } = of(part);
      const rate = share(numerator, denominator);
      if (!weighted.includes(part)) return [part, { numerator, denominator, rate, weight: null, contribution: null }];
      const weight = normalised[part] / sum;
      const contribution = 100 * weight * (numerator / denominator);
      score += contribution;
      return [part, { numerator, denominator, rate, weight: round(weight, 3), contribution: round(contribution, 2) }];
    }),
  ) as Record<RankingPart, RankingPartView>;
  return { parts, score: weighted.length > 0 ? round(score, 2) : null };
}

/**
 * Ranks the candidates by their score, best first: ties (the same score to two places) go to the larger case volume,
 * then the smaller code — the same data always gives the same order, every rank distinct. Candidates without data
 * follow, by code, unranked (`no_data`). `previousRanks` (the ranking of the period before) gives each row its
 * previous rank and its movement (previous − current: positive moved up).
 */
export function rankCandidates(candidates: readonly RankingCandidate[], weights: RankingWeights, previousRanks: ReadonlyMap<string, number> = new Map()): RankingRowView[] {
  const scored = candidates.map((c) => ({ c, ...scoreParts(c.counts, weights), volume: c.counts?.accepted ?? 0 }));
  const ranked = scored
    .filter((r) => r.score !== null)
    .sort((a, b) => b.score! - a.score! || b.volume - a.volume || (a.c.code < b.c.code ? -1 : a.c.code > b.c.code ? 1 : 0));
  const unranked = scored.filter((r) => r.score === null).sort((a, b) => (a.c.code < b.c.code ? -1 : 1));
  return [...ranked, ...unranked].map((r, i) => {
    const rank = r.score === null ? null : i + 1;
    const previousRank = previousRanks.get(r.c.code) ?? null;
    return {
      code: r.c.code,
      name: r.c.name,
      level: r.c.level,
      status: rank === null ? 'no_data' : 'ranked',
      parts: r.parts,
      score: r.score,
      rank,
      previousRank,
      movement: rank !== null && previousRank !== null ? previousRank - rank : null,
      volume: r.volume,
    };
  });
}

/** Counts added up: a community's from its grids', a street's from all of them (every count is a sum). */
export function sumCounts(list: Iterable<GroupedCounts>): GroupedCounts {
  const add = (a: FiguresCount, b: FiguresCount): FiguresCount => ({ numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator });
  let total: GroupedCounts = { onTime: NO_COUNT, resolution: NO_COUNT, satisfaction: NO_COUNT, rework: NO_COUNT, accepted: 0 };
  for (const c of list) {
    total = { onTime: add(total.onTime, c.onTime), resolution: add(total.resolution, c.resolution), satisfaction: add(total.satisfaction, c.satisfaction), rework: add(total.rework, c.rework), accepted: total.accepted + c.accepted };
  }
  return total;
}

/** Each ranked code's rank: the previous period's ranks for the rows of this one. */
export function ranksOf(rows: readonly RankingRowView[]): Map<string, number> {
  return new Map(rows.filter((r) => r.rank !== null).map((r) => [r.code, r.rank!]));
}
