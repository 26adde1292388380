import { chinaDate, grainStart, ROLLUP_GRAINS, type Rollup } from './rollups';

/**
 * The hot spots' and trends' roll-ups of the case and appeal projections (docs/analytics.md, "Hot-spot roll-ups"),
 * kept by the same statement triggers as the figures' (`projection/rollups.ts`). The hot spots' tables hold each
 * case (by its report) and appeal (by its reception) once per grain — its day, month and year (`grain`, `day` the
 * grain's first day) — so a period sums whole years and months and only the days at its edges
 * (`projection/grain-pieces.ts`); the trends' tables hold days, which are their buckets.
 */

/** The two sources: cases by their report, appeals by their reception. */
export type HotspotSource = 'case' | 'appeal';

const SOURCES: Record<HotspotSource, { source: string; at: string }> = {
  case: { source: 'case_projection', at: 'r.reported_at' },
  appeal: { source: 'appeal_projection', at: 'r.received_at' },
};

const n = { n: ['bigint', '1'] } as const;

/** A hot-spot roll-up of a source: per grain, its first day, the category and one more key. */
function spots(source: HotspotSource, name: string, key: readonly [column: string, expression: string], where?: string): Rollup {
  const { source: table, at } = SOURCES[source];
  return {
    table: `spot_${source}_${name}`,
    source: table,
    where: [`${at} is not null`, ...(where ? [where] : [])].join(' and '),
    grains: ROLLUP_GRAINS,
    keys: { grain: ['text', 'g.grain'], day: ['date', grainStart(at)], category: ['text', 'r.category_code'], [key[0]]: ['text', key[1]] },
    measures: n,
    indexes: [],
  };
}

/** The hot spots of a source (`spot_<source>_<kind>`): per unit beneath, per grid, per H3 cell at 7, 8 and 9 (`hex7`…). */
function sourceSpots(source: HotspotSource): Rollup[] {
  return [
    // The unit directly beneath the row's unit where the case or appeal lies; its own grid at a grid, the row's unit
    // itself for one placed there (an appeal at its street alone) — as `hotspots` groups them.
    spots(source, 'unit', ['beneath', 'coalesce(r.unit_path[u.depth + 1], r.grid_code, u.unit)']),
    // Appeals not located at a grid are at none.
    spots(source, 'grid', ['grid', 'r.grid_code'], source === 'appeal' ? 'r.grid_code is not null' : undefined),
    ...([7, 8, 9] as const).map((res) => spots(source, `hex${res}`, ['cell', `r.h3r${res}`])),
  ];
}

/** A trend roll-up: per China day of a timestamptz column and category. */
function trend(table: string, source: string, at: string): Rollup {
  return { table, source, where: `${at} is not null`, keys: { day: ['date', chinaDate(at)], category: ['text', 'r.category_code'] }, measures: n, indexes: [] };
}

/** The case projection's hot-spot and trend roll-ups. */
export const CASE_HOTSPOT_ROLLUPS: readonly Rollup[] = [
  ...sourceSpots('case'),
  trend('trend_case_reported_day', 'case_projection', 'r.reported_at'),
  trend('trend_case_closed_day', 'case_projection', 'r.closed_at'),
];

/** The appeal projection's hot-spot and trend roll-ups. */
export const APPEAL_HOTSPOT_ROLLUPS: readonly Rollup[] = [...sourceSpots('appeal'), trend('trend_appeal_received_day', 'appeal_projection', 'r.received_at')];
