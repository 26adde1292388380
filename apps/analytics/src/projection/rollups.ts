import { pgTextArray } from '@gridline/persistence';

/**
 * Daily roll-ups of the projections (docs/analytics.md, "Roll-ups"): for each unit of a row's path (street, community,
 * grid), and the department it names, the row's measures summed per China day and key. PostgreSQL keeps them: a
 * statement trigger on the source table adds what a statement inserts and takes away what it deletes (an update
 * both, for the rows whose rolled-up columns changed), in the statement's own transaction — so the fold, the
 * snapshot bootstrap, a rebuild and a bulk load all keep them alike, and a roll-up is never behind its table. A
 * year's figures then sum a few thousand rows instead of counting millions.
 */

/** One roll-up of a source table. */
export interface Rollup {
  /** The roll-up table. */
  readonly table: string;
  /** The table rolled up; its rows have a `unit_path text[]` (street first). */
  readonly source: string;
  /**
   * The units a row counts for, street first (a `text[]`, SQL over `r`; `r.unit_path` when absent): another
   * dimension than the place, such as the appeals' lead owner (`array[r.lead_code]`, one unit at depth 1). Its rows
   * must all be non-null (`where`).
   */
  readonly units?: string;
  /** Which rows count (SQL over the row `r`); all when absent. */
  readonly where?: string;
  /** The department dimension (SQL over `r`; null or absent: ''). */
  readonly department?: string;
  /**
   * Further keys: column → [SQL type, SQL over `r`, and `u.unit`, `u.depth` the row's unit of the path, `g.grain` its
   * grain]. Nullable; NULLs are one key (`nulls not distinct`).
   */
  readonly keys: Readonly<Record<string, readonly [type: string, expression: string]>>;
  /** What is summed: column → [SQL type, SQL over `r`]. */
  readonly measures: Readonly<Record<string, readonly [type: string, expression: string]>>;
  /**
   * Indexes beyond the unique one (which leads with the unit, then the keys in order) and those every roll-up has (a
   * department's rows at the street's depth, the rows beneath a street or community, by the first key): each a list
   * of columns (`where …` after the list for a partial one).
   */
  readonly indexes: readonly string[];
  /**
   * Coarser grains beside the day: each source row is rolled up once per grain (`g.grain`, a `date_trunc` field:
   * 'day', 'month', 'year'), which its keys read — a `grain` key and a day key truncated to it (`grainStart`) — so that
   * a long period sums a few months and years instead of every day. Absent: one row per source row and unit.
   */
  readonly grains?: readonly RollupGrain[];
}

/** The grains a roll-up may hold beside (or instead of) the day, coarsest last. */
export const ROLLUP_GRAINS = ['day', 'month', 'year'] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

/** In a roll-up with `grains`: the first China day of the row's grain holding a timestamptz column of `r`. */
export const grainStart = (column: string) => `date_trunc(g.grain, (${column}) at time zone 'Asia/Shanghai')::date`;

/** The China day (UTC+8 all year) of a timestamptz column of `r`, as a date. */
export const chinaDate = (column: string) => `((${column}) at time zone 'Asia/Shanghai')::date`;

/**
 * The handling hours' histogram buckets: half an hour up to 100 h (0–199), five hours up to 1 000 h (200–379), and
 * 1 000 h or more (380). `HOURS_BUCKET_SQL` and `hoursBucketBounds` must agree.
 */
export const HOURS_BUCKET_SQL = `(case when r.handling_hours < 100 then floor(r.handling_hours * 2) when r.handling_hours < 1000 then 200 + floor((r.handling_hours - 100) / 5) else 380 end)::smallint`;
export function hoursBucketBounds(bucket: number): { low: number; high: number } {
  if (bucket < 200) return { low: bucket / 2, high: bucket / 2 + 0.5 };
  if (bucket < 380) return { low: 100 + (bucket - 200) * 5, high: 100 + (bucket - 199) * 5 };
  return { low: 1000, high: 1000 };
}

/** A measure counting the rows where `condition` (SQL over `r`) holds. */
export const count = (condition = 'true'): readonly [string, string] => ['bigint', `coalesce((${condition})::int, 0)`];

/** A step's China day at its due time, and at its end (null: not ended). */
const DUE_DAY = chinaDate('r.due_at');
const ENDED_DAY = chinaDate('r.ended_at');

/**
 * The case projection's roll-ups: facts, ended steps, closed cases and their hours — per grain (day, month, year) so
 * that a year sums a few buckets — and, per day, the steps that can be late, the open and the accepted spans.
 */
export const CASE_ROLLUPS: readonly Rollup[] = [
  {
    table: 'case_fact_sum',
    source: 'case_fact',
    department: 'r.department_code',
    grains: ROLLUP_GRAINS,
    keys: { grain: ['text', 'g.grain'], day: ['date', grainStart('r.at')], kind: ['text', 'r.kind'] },
    measures: { n: count(), value_n: count('r.value is not null'), value_sum: ['numeric', 'coalesce(r.value, 0)'], value_ge4: count('r.value >= 4') },
    indexes: [],
  },
  {
    // The steps ended, by the bucket of the day they ended: the on-time rate's ended steps and those on time.
    table: 'case_step_ended_sum',
    source: 'case_step',
    where: 'r.ended_at is not null',
    department: 'r.department_code',
    grains: ROLLUP_GRAINS,
    keys: { grain: ['text', 'g.grain'], day: ['date', grainStart('r.ended_at')], step: ['text', 'r.step'] },
    measures: { counted_n: count('r.counted'), on_time_n: count('r.counted and coalesce(r.on_time, false)') },
    indexes: [],
  },
  {
    // The steps that can be late for some period: due, and not ended by the end of their due day (a step late for a
    // period is due before its end and not ended by it). By the days they ended (null: open), were due and started —
    // ended first, so that what is open at a day (ended later, or not at all) is one index range.
    table: 'case_step_late',
    source: 'case_step',
    where: `r.due_at is not null and (r.ended_at is null or ${ENDED_DAY} > ${DUE_DAY})`,
    department: 'r.department_code',
    keys: { ended_day: ['date', ENDED_DAY], due_day: ['date', DUE_DAY], start_day: ['date', chinaDate('r.started_at')], step: ['text', 'r.step'] },
    measures: { n: count() },
    indexes: [],
  },
  {
    table: 'case_closed_sum',
    source: 'case_projection',
    where: 'r.closed_at is not null',
    department: `case when r.owner_kind = 'department' then r.owner_code end`,
    grains: ROLLUP_GRAINS,
    keys: { grain: ['text', 'g.grain'], day: ['date', grainStart('r.closed_at')] },
    measures: {
      n: count(),
      returned: count('r.returns > 0'),
      reworked: count('r.reworks > 0'),
      extended: count('r.extensions > 0'),
      hours_n: count('r.handling_hours is not null'),
      hours_sum: ['numeric', 'coalesce(r.handling_hours, 0)'],
    },
    indexes: [],
  },
  {
    table: 'case_hours_sum',
    source: 'case_projection',
    where: 'r.closed_at is not null and r.handling_hours is not null',
    department: `case when r.owner_kind = 'department' then r.owner_code end`,
    grains: ROLLUP_GRAINS,
    keys: { grain: ['text', 'g.grain'], day: ['date', grainStart('r.closed_at')], bucket: ['smallint', HOURS_BUCKET_SQL] },
    measures: { n: count() },
    indexes: [],
  },
  {
    // Reported → finished (null: open): what was open at a day's start — finished first, so that what is open at a day
    // (finished later, or not at all) is one index range.
    table: 'case_open_span',
    source: 'case_projection',
    where: 'r.reported_at is not null',
    department: `case when r.owner_kind = 'department' then r.owner_code end`,
    keys: { finished_day: ['date', chinaDate('r.finished_at')], day: ['date', chinaDate('r.reported_at')] },
    measures: { n: count() },
    indexes: [],
  },
  {
    // Accepted → closed (null: not closed): the rankings' resolution.
    table: 'case_accepted_day',
    source: 'case_projection',
    where: 'r.accepted_at is not null',
    department: `case when r.owner_kind = 'department' then r.owner_code end`,
    keys: { day: ['date', chinaDate('r.accepted_at')], closed_day: ['date', chinaDate('r.closed_at')] },
    measures: { n: count() },
    indexes: [],
  },
];

/** The case roll-ups of the first shape (`20261202090000_case_rollups`), replaced by the grained ones above. */
export const RETIRED_CASE_ROLLUPS = ['case_fact_day', 'case_step_day', 'case_closed_day', 'case_hours_day', 'case_open_day'] as const;

/** The primary key of each source table (an update pairs its old and new rows by it). */
const SOURCE_KEYS: Record<string, readonly string[]> = {
  case_fact: ['incident_id', 'seq'],
  case_step: ['incident_id', 'seq'],
  case_projection: ['incident_id'],
  appeal_projection: ['appeal_id'],
};

/** Every column of `r` an expression of the roll-up reads (`r.<column>`). */
function columnsOf(rollups: readonly Rollup[]): string[] {
  const sql = rollups.flatMap((r) => [r.units ?? '', r.where ?? '', r.department ?? '', ...Object.values(r.keys).map(([, e]) => e), ...Object.values(r.measures).map(([, e]) => e)]).join(' ');
  return [...new Set(['unit_path', ...[...sql.matchAll(/\br\.([a-z_0-9]+)/g)].map((m) => m[1])])].sort();
}

/**
 * The unique key of a roll-up's rows: the unit, the further keys, the department, and whether the unit is the row's
 * place itself (`leaf`: a unit is a leaf of some rows and not of others, as the street of an unlocated appeal — its
 * path the street alone — and of the appeals beneath it; the rows by grid read the leaves only).
 */
const uniqueKey = (rollup: Rollup) => ['unit', ...Object.keys(rollup.keys), 'department', 'leaf'];

/**
 * The statement that adds the signed rows of `rows` (`sign`, then the source's columns) into the roll-up, one row per
 * unit of the path: `%1$I` is the schema, filled by `format()` from the trigger's own table.
 */
function upsert(rollup: Rollup, rows: string): string {
  const measures = Object.keys(rollup.measures);
  return `insert into %1$I.${rollup.table} (unit, depth, path, leaf, department, ${[...Object.keys(rollup.keys), ...measures].join(', ')})
    ${rollupSelect(rollup, rows)}
    on conflict (${uniqueKey(rollup).join(', ')}) do update set ${measures.map((c) => `${c} = ${rollup.table}.${c} + excluded.${c}`).join(', ')}`;
}

/**
 * The roll-up's rows of the signed rows `rows` (`sign`, then the source's columns): its columns in table order (unit,
 * depth, path, leaf, department, the keys, the summed measures), grouped and ordered by the key (the lock order of an
 * upsert: two statements never wait on each other's rows in opposite orders).
 */
export function rollupSelect(rollup: Rollup, rows: string): string {
  const units = `(${rollup.units ?? 'r.unit_path'})`;
  const dims = [
    `u.unit as unit`,
    // Not keys: a unit moved in the tree gives its old rows and its new ones one key, not two rows of one statement.
    `min(u.depth)::smallint as depth`,
    `min(${units}[1:u.depth]) as path`,
    `u.depth = cardinality(${units}) as leaf`,
    `coalesce(${rollup.department ?? 'null'}, '') as department`,
    ...Object.entries(rollup.keys).map(([c, [, e]]) => `${e} as ${c}`),
  ];
  const groups = dims.map((_, i) => i + 1).filter((i) => i !== 2 && i !== 3).join(', ');
  return `select ${dims.join(', ')}, ${Object.entries(rollup.measures).map(([c, [, e]]) => `sum(r.sign * ${e}) as ${c}`).join(', ')}
      from (${rows}) r cross join lateral unnest(${units}) with ordinality as u(unit, depth)${rollup.grains ? ` cross join unnest(array[${rollup.grains.map((g) => `'${g}'`).join(', ')}]::text[]) as g(grain)` : ''}
     where ${rollup.where ?? 'true'}
     group by ${groups} order by ${groups}`;
}

/**
 * The migration's statements for one roll-up, in schema `schema`: its table and indexes, one trigger function per
 * operation on the source (inserted rows added, deleted taken away, updated rows whose rolled-up columns changed
 * both) and the statement triggers, all named `rollup_<table>_<operation>`. The functions find the schema from the
 * trigger's table, so a rebuild can move the tables (and functions) into another schema.
 */
export function rollupDdl(schema: string, r: Rollup): string[] {
  const t = (table: string) => `"${schema}"."${table}"`;
  const statements: string[] = [];
  const columns = [...Object.entries(r.keys).map(([c, [type]]) => `${c} ${type} null`), ...Object.entries(r.measures).map(([c, [type]]) => `${c} ${type} not null`)];
  statements.push(`create table ${t(r.table)} (unit text not null, depth smallint not null, path text[] not null, leaf boolean not null, department text not null, ${columns.join(', ')})`);
  statements.push(`create unique index ${r.table}_key on ${t(r.table)} (${uniqueKey(r).join(', ')}) nulls not distinct`);
  // A department's figures: its rows at the street's depth, where each row is counted once.
  // Led by the first key (a grained roll-up: the grain and its first day).
  const lead = Object.keys(r.keys).slice(0, r.grains ? 2 : 1).join(', ');
  statements.push(`create index ${r.table}_department_idx on ${t(r.table)} (department, ${lead}) where depth = 1 and department <> ''`);
  // Grouped beneath a street or community (rankings): the rows whose path passes through it.
  for (const d of [1, 2]) statements.push(`create index ${r.table}_p${d}_idx on ${t(r.table)} ((path[${d}]), depth, ${lead})`);
  r.indexes.forEach((index, i) => {
    const [list, where] = index.split(' where ');
    statements.push(`create index ${r.table}_${i + 1}_idx on ${t(r.table)} (${list})${where ? ` where ${where}` : ''}`);
  });
  const key = SOURCE_KEYS[r.source];
  if (!key) throw new Error(`roll-up of ${r.source}: its key is not known`);
  const changed = columnsOf([r]).map((c) => `o.${c} is distinct from n.${c}`).join(' or ');
  const on = key.map((c) => `n.${c} = o.${c}`).join(' and ');
  const bodies: Record<'insert' | 'delete' | 'update', string> = {
    insert: `select 1 as sign, n.* from new_rows n`,
    delete: `select -1 as sign, o.* from old_rows o`,
    update: `select -1 as sign, o.* from old_rows o join new_rows n on ${on} where ${changed}
             union all select 1, n.* from new_rows n join old_rows o on ${on} where ${changed}`,
  };
  for (const [op, rows] of Object.entries(bodies)) {
    const fn = `rollup_${r.table}_${op}`;
    statements.push(`create function ${t(fn)}() returns trigger language plpgsql as $fn$\nbegin\n  execute format(${dollar(upsert(r, rows))}, TG_TABLE_SCHEMA);\n  return null;\nend\n$fn$`);
    const transition = op === 'insert' ? 'new table as new_rows' : op === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
    statements.push(`create trigger ${fn} after ${op} on ${t(r.source)} referencing ${transition} for each statement execute function ${t(fn)}()`);
  }
  return statements;
}

/** The statement that fills a roll-up from the rows its source holds already (a migration adding it to a projection with rows). */
export function rollupBackfill(schema: string, r: Rollup): string {
  return upsert(r, `select 1 as sign, n.* from "${schema}"."${r.source}" n`).replaceAll('%1$I', `"${schema}"`);
}

/** The statements that drop a roll-up table: its trigger functions (and so its triggers) and the table. */
export function rollupDrop(schema: string, table: string): string[] {
  return [...['insert', 'delete', 'update'].map((op) => `drop function if exists "${schema}"."rollup_${table}_${op}"() cascade`), `drop table if exists "${schema}"."${table}"`];
}

/** A dollar-quoted SQL string literal. */
const dollar = (sql: string) => `$q$${sql}$q$`;


/** Whose rows of a roll-up: beneath a unit (at its depth in the path), or a department's (or these departments'). */
export type RollupScope = { unit: string; depth: number } | { department: string } | { departments: string[] };
/** How a roll-up's rows are grouped: by the unit at a depth, by the grid (the path's last unit), or by the department. */
export type RollupGrouping = { path: number } | 'grid' | 'department' | null;

const depthOf = (depth: number) => {
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new Error(`unit depth ${depth}`);
  return depth;
};

/**
 * The condition on a roll-up's rows for a scope and grouping, and the group's key (`null::text`: one group). A row is
 * one unit's, so a scope counts each source row once: the unit's own rows, or a department's at the street's depth;
 * grouped by units, the rows of those units (`depth`, or `leaf` for the grids) whose path passes through the scope.
 */
export function rollupScope(scope: RollupScope, by: RollupGrouping): { sql: string; params: unknown[]; key: string } {
  if ('unit' in scope) {
    const d = depthOf(scope.depth);
    if (by === null) return { sql: 'unit = ?', params: [scope.unit], key: 'null::text' };
    if (by === 'department') return { sql: `unit = ? and department <> ''`, params: [scope.unit], key: 'department' };
    if (by === 'grid') return { sql: `leaf and path[${d}] = ?`, params: [scope.unit], key: 'unit' };
    return { sql: `depth = ${depthOf(by.path)} and path[${d}] = ?`, params: [scope.unit], key: 'unit' };
  }
  const [condition, param] = 'department' in scope ? ['department = ?', scope.department] : ['department = any(?::text[])', pgTextArray(scope.departments)];
  if (by === null || by === 'department') return { sql: `depth = 1 and ${condition}`, params: [param], key: by === null ? 'null::text' : 'department' };
  if (by === 'grid') return { sql: `leaf and ${condition}`, params: [param], key: 'unit' };
  return { sql: `depth = ${depthOf(by.path)} and ${condition}`, params: [param], key: 'unit' };
}
