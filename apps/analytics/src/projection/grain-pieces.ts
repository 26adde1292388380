import { chinaDay, chinaMidnight } from '@gridline/platform';
import type { RollupGrain } from './rollups';

/**
 * A period of China days as signed ranges of a grained roll-up's rows (`projection/hotspot-rollups.ts`): the rows of
 * `grain` whose first day is in [`from`, `to`), added (`sign` 1) or taken away (-1). Summed, every day of the period
 * counts once and no other day at all, whatever the rows hold — so the answer is the rows' own, exactly.
 */
export interface GrainPiece {
  grain: RollupGrain;
  from: string;
  to: string;
  sign: 1 | -1;
}

const DAY_MS = 86_400_000;
const COARSEST_FIRST: readonly RollupGrain[] = ['year', 'month', 'day'];

/**
 * What a piece costs, roughly in the rows it reads: a past bucket of a grain about as many rows as this many days (a
 * day of a busy street's r9 cells × categories is ~2 000 of the ~10 000 pairs a month or a year fills), a bucket
 * starting after today nothing (nothing is reported in the future), and every piece one index probe.
 */
const WEIGHT: Record<RollupGrain, number> = { day: 1, month: 4, year: 6 };
const PROBE = 0.25;

/** Days as numbers (days since 1970-01-01) and back. */
const num = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const iso = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

/** The first day of the bucket of `grain` holding day `d`, and of the bucket after it. */
function bucketStart(grain: RollupGrain, d: number): number {
  if (grain === 'day') return d;
  const at = new Date(d * DAY_MS);
  return Date.UTC(at.getUTCFullYear(), grain === 'month' ? at.getUTCMonth() : 0, 1) / DAY_MS;
}
function nextBucket(grain: RollupGrain, d: number): number {
  if (grain === 'day') return d + 1;
  const at = new Date(d * DAY_MS);
  return grain === 'month' ? Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1) / DAY_MS : Date.UTC(at.getUTCFullYear() + 1, 0, 1) / DAY_MS;
}
const bucketEnd = (grain: RollupGrain, d: number) => (bucketStart(grain, d) === d ? d : nextBucket(grain, d));

interface Plan {
  pieces: { grain: RollupGrain; from: number; to: number; sign: 1 | -1 }[];
  cost: number;
}

/** The buckets of `grain` in [from, to) that start by `today`, weighted. */
function cost(grain: RollupGrain, from: number, to: number, today: number): number {
  let past = 0;
  for (let d = from; d < to && d <= today; d = nextBucket(grain, d)) past++;
  return PROBE + past * WEIGHT[grain];
}

const join = (...plans: Plan[]): Plan => ({ pieces: plans.flatMap((p) => p.pieces), cost: plans.reduce((sum, p) => sum + p.cost, 0) });
const negated = (plan: Plan): Plan => ({ pieces: plan.pieces.map((p) => ({ ...p, sign: p.sign === 1 ? -1 : 1 })), cost: plan.cost });
const NOTHING: Plan = { pieces: [], cost: 0 };

/**
 * The cheapest plan of days [a, b) from the grain at `level` down: its whole buckets, or buckets reaching past an edge
 * with the overhang taken away, the edges planned at the next finer grain.
 */
function plan(a: number, b: number, level: number, today: number): Plan {
  if (a >= b) return NOTHING;
  const grain = COARSEST_FIRST[level];
  if (grain === 'day') return { pieces: [{ grain, from: a, to: b, sign: 1 }], cost: cost(grain, a, b, today) };
  let best = plan(a, b, level + 1, today);
  for (const low of new Set([bucketStart(grain, a), bucketEnd(grain, a)])) {
    for (const high of new Set([bucketStart(grain, b), bucketEnd(grain, b)])) {
      if (low >= high) continue;
      const candidate = join(
        { pieces: [{ grain, from: low, to: high, sign: 1 }], cost: cost(grain, low, high, today) },
        low < a ? negated(plan(low, a, level + 1, today)) : plan(a, low, level + 1, today),
        high > b ? negated(plan(b, high, level + 1, today)) : plan(high, b, level + 1, today),
      );
      if (candidate.cost < best.cost) best = candidate;
    }
  }
  return best;
}

/**
 * The China days [`from`, `to`) (`to` exclusive) as signed pieces of the grained roll-ups, the cheapest found when
 * today is `today`: e.g. the 365 days to 2026-12-01 are the year 2026, the month 2025-12 without its first day, and
 * the days of December 2026 after today (empty) taken away.
 */
export function grainPieces(from: string, to: string, today: string): GrainPiece[] {
  return plan(num(from), num(to), 0, num(today)).pieces.map((p) => ({ grain: p.grain, from: iso(p.from), to: iso(p.to), sign: p.sign }));
}

/** The China days of a period's instants (`from` inclusive, `to` exclusive); hot spots are of whole China days. */
export function chinaDays({ start, end }: { start: Date; end: Date }): { from: string; to: string } {
  const day = (at: Date) => {
    const d = chinaDay(at);
    if (chinaMidnight(d).getTime() !== at.getTime()) throw new Error(`hot spots are of whole China days: ${at.toISOString()} is not a China midnight`);
    return d;
  };
  return { from: day(start), to: day(end) };
}

/**
 * A period's pieces as rows to join a grained roll-up's rows on: `p.grain`, `p.day_from`, `p.day_to` (exclusive) and
 * `p.sign`, named `alias` — e.g. `join ${values.sql} on t.grain = p.grain and t.day >= p.day_from and t.day < p.day_to`,
 * summing `p.sign * t.n`. No pieces (an empty period): no rows.
 */
export function piecesValues(pieces: readonly GrainPiece[], alias = 'p'): { sql: string; params: unknown[] } {
  const columns = `${alias}(grain, day_from, day_to, sign)`;
  if (pieces.length === 0) return { sql: `(select null::text, null::date, null::date, 0 where false) as ${columns}`, params: [] };
  return {
    sql: `(values ${pieces.map(() => '(?::text, ?::date, ?::date, ?::int)').join(', ')}) as ${columns}`,
    params: pieces.flatMap((p) => [p.grain, p.from, p.to, p.sign]),
  };
}

/** The join of a grained roll-up `table` (aliased `t`) to a period's pieces (`p`): its rows of the period, signed by `p.sign`. */
export function grainedRows(table: string, pieces: readonly GrainPiece[]): { sql: string; params: unknown[] } {
  const values = piecesValues(pieces);
  return { sql: `${table} t join ${values.sql} on t.grain = p.grain and t.day >= p.day_from and t.day < p.day_to`, params: values.params };
}
