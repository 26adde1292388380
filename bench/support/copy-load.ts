import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client, type Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { log } from './platform';

/**
 * City-size test data written straight into a service's table with `COPY … from stdin` (text format): rows built in
 * this process — personal data encrypted as the service would — streamed in, the table's secondary indexes dropped
 * for the load and built again afterwards, then VACUUM ANALYZE. Test data for reading, not a write path: no
 * timeline, no outbox, no events.
 */

/** One field of a COPY row: null is `\N`; an array is written as a PostgreSQL array literal of plain codes. */
export type CopyValue = string | number | boolean | Date | null | readonly string[];

export interface TableLoad {
  rows: number;
  /** The COPY itself, the rows generated meanwhile. */
  copySeconds: number;
  /** Building the dropped indexes again. */
  indexSeconds: number;
  vacuumSeconds: number;
  /** The indexes dropped and built again, by name. */
  indexes: string[];
  tableMiB: number;
  indexesMiB: number;
}

export interface CopyLoadOptions {
  schema: string;
  table: string;
  columns: readonly string[];
  /** How many rows `rows` yields (for the progress lines). */
  count: number;
  rows: Iterable<CopyValue[]>;
  /** Secondary indexes to keep during the load (e.g. a scheduler's small partial index the running service reads). */
  keep?: readonly string[];
  /** Connections building the indexes at once. */
  indexConnections?: number;
  interrupted?: AbortSignal;
}

/** Text-format escaping: backslash, tab, newline and carriage return. */
function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** The rows as COPY text, 2 000 lines a chunk, with a progress line every tenth of the load. */
function* copyText(rows: Iterable<CopyValue[]>, count: number, label: string, interrupted?: AbortSignal): Generator<string> {
  const started = Date.now();
  const step = Math.max(1, Math.ceil(count / 10));
  let lines: string[] = [];
  let n = 0;
  for (const row of rows) {
    lines.push(row.map(copyField).join('\t'));
    n += 1;
    if (n % step === 0) log(`${label}: ${n} of ${count} rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    if (lines.length === 2000) {
      interrupted?.throwIfAborted();
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

interface DroppedIndex {
  name: string;
  definition: string;
  /** Statistics targets set on the index's columns (a trigram index's finer histogram), to set again. */
  targets: { column: number; target: number }[];
}

/** Drops the table's indexes that back no constraint and are not kept; answers how to build them again. */
async function dropIndexes(client: Client, schema: string, table: string, keep: readonly string[]): Promise<DroppedIndex[]> {
  const { rows } = await client.query<DroppedIndex>(
    `select c.relname as name, pg_get_indexdef(c.oid) as definition,
            coalesce((select json_agg(json_build_object('column', a.attnum, 'target', a.attstattarget))
                        from pg_attribute a where a.attrelid = c.oid and a.attstattarget > 0), '[]') as targets
       from pg_index x join pg_class c on c.oid = x.indexrelid
      where x.indrelid = format('%I.%I', $1::text, $2::text)::regclass
        and c.relname <> all($3::text[])
        and not exists (select 1 from pg_constraint k where k.conindid = c.oid)`,
    [schema, table, keep],
  );
  for (const index of rows) await client.query(`drop index "${schema}"."${index.name}"`);
  return rows;
}

/** Builds the dropped indexes on `connections` connections, the GIN ones (the slowest) first. */
async function rebuildIndexes(databaseUrl: string, schema: string, dropped: readonly DroppedIndex[], connections: number, interrupted?: AbortSignal): Promise<void> {
  const pending = [...dropped].sort((a, b) => Number(/ using gin /i.test(b.definition)) - Number(/ using gin /i.test(a.definition)));
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`set maintenance_work_mem = '512MB'`);
        for (let next = pending.shift(); next; next = pending.shift()) {
          interrupted?.throwIfAborted();
          const started = Date.now();
          await client.query(next.definition);
          for (const t of next.targets) await client.query(`alter index "${schema}"."${next.name}" alter column ${t.column} set statistics ${t.target}`);
          log(`index ${next.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        }
      } finally {
        await client.end();
      }
    }),
  );
}

/** COPYs the rows into `schema.table` without its secondary indexes, builds them again, VACUUM ANALYZE; says how long each took. */
export async function copyIntoTable(databaseUrl: string, options: CopyLoadOptions): Promise<TableLoad> {
  const { schema, table, columns, count, interrupted } = options;
  const qualified = `"${schema}"."${table}"`;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    const dropped = await dropIndexes(client, schema, table, options.keep ?? []);
    log(`dropped ${dropped.length} secondary indexes of ${schema}.${table} for the load: ${dropped.map((i) => i.name).join(', ')}`);

    const copyStarted = Date.now();
    const copy = client.query(copyFrom(`copy ${qualified} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
    await pipeline(Readable.from(copyText(options.rows, count, `${schema}.${table}`, interrupted)), copy);
    const copySeconds = (Date.now() - copyStarted) / 1000;
    log(`copied ${copy.rowCount} rows into ${schema}.${table} in ${copySeconds.toFixed(0)} s`);

    const indexStarted = Date.now();
    await rebuildIndexes(databaseUrl, schema, dropped, options.indexConnections ?? 2, interrupted);
    const indexSeconds = (Date.now() - indexStarted) / 1000;

    const vacuumStarted = Date.now();
    await client.query(`vacuum analyze ${qualified}`);
    const vacuumSeconds = (Date.now() - vacuumStarted) / 1000;
    const sizes = (await client.query<{ table: string; indexes: string }>('select pg_table_size($1) as table, pg_indexes_size($1) as indexes', [`${schema}.${table}`])).rows[0];
    return {
      rows: copy.rowCount,
      copySeconds,
      indexSeconds,
      vacuumSeconds,
      indexes: dropped.map((i) => i.name),
      tableMiB: Number(sizes.table) / 1024 / 1024,
      indexesMiB: Number(sizes.indexes) / 1024 / 1024,
    };
  } finally {
    await client.end();
  }
}

/** The load in one line, for the report. */
export function describeLoad(load: TableLoad, what: string): string {
  return (
    `${load.rows} ${what} copied in ${load.copySeconds.toFixed(0)} s without the ${load.indexes.length} secondary indexes, ` +
    `their build ${load.indexSeconds.toFixed(0)} s (two at a time), vacuum analyze ${load.vacuumSeconds.toFixed(0)} s — ` +
    `${(load.copySeconds + load.indexSeconds + load.vacuumSeconds).toFixed(0)} s in all; table ${load.tableMiB.toFixed(0)} MiB, indexes ${load.indexesMiB.toFixed(0)} MiB`
  );
}

/** A statement and its values, as the floor runs it. */
export interface Sql {
  text: string;
  values: unknown[];
}

/** One EXPLAIN (ANALYZE, BUFFERS) of a statement: its execution time and the plan's text. */
export async function explainAnalyze(pool: Pool, sql: Sql): Promise<{ ms: number; plan: string }> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql.text}`, sql.values);
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const time = /Execution Time: ([\d.]+) ms/.exec(plan);
  return { ms: time ? Number(time[1]) : Number.NaN, plan };
}
