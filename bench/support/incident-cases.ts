import { Client } from 'pg';
import { CATEGORIES, COMMUNITIES, DEPARTMENT, ESTATES, GRIDS, ROADS, STREET } from './grid-map';
import { log } from './platform';

/**
 * A year of grid cases written straight into the incidents service's table with `insert … select … from
 * generate_series`: test data for the list benchmark, not a write path (no timeline, no events).
 *
 * The spread, per case:
 * - created_at uniform over the last 365 days; grid uniform over the 50 grids of the bench map (path
 *   [street, community, grid]); category skewed (the first of CATEGORIES about 19%, the last about 1%);
 *   title "<estate><n>号楼<category title>", description from the category, address "<road><1–300>号<estate>";
 *   90% with a point in the grid; urgency 85/12/3% normal/urgent/emergency; source 45% patrol, 15% visit,
 *   20% hotline (with an appeal reference), 10% resident, 5% department, 5% other.
 * - Open or not by age: a case of the last 30 days is still open with a probability falling from 67% (today)
 *   to 2% (30 days old); an older one with 1% (stuck). Open cases are reported 15%, accepted 10%, dispatched 20%,
 *   in progress 40%, handled 15%; the others closed 30%, evaluated 58%, rejected 5%, cancelled 4%, merged 3%.
 * - The step clock as the service keeps it: the current step started between the report and now, due after
 *   1 day (7 days for handling), halved for urgent and quartered for emergency; warning at 70%, red at 150%;
 *   the supervision card, supervisor and next check already what the scheduler would have marked by now, so
 *   that the scheduler (running) has only the thresholds crossed during the run to do.
 */
export interface LoadSummary {
  rows: number;
  /** The whole load: the inserts, the index builds and VACUUM ANALYZE. */
  seconds: number;
  insertSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
  byStatus: Record<string, number>;
  overdue: number;
  tableMiB: number;
  indexesMiB: number;
}

const STATUS_VERSION: Record<string, number> = {
  reported: 1,
  accepted: 2,
  rejected: 2,
  dispatched: 3,
  in_progress: 4,
  handled: 5,
  closed: 6,
  evaluated: 7,
  cancelled: 2,
  merged: 2,
};

function chunkSql(schema: string): string {
  const t = `"${schema}"."incident"`;
  return `
with r as materialized (
  select i, random() as r_age, random() as r_grid, random() as r_cat, random() as r_open, random() as r_status, random() as r_start,
         random() as r_urg, random() as r_src, random() as r_u, random() as r_v, random() as r_loc, random() as r_misc,
         random() as r_building, random() as r_house
    from generate_series($1::int, $2::int) as i
), a as materialized (
  select r.*,
         now() - r_age * interval '365 days' as created_at,
         r_age * 365 as age_days,
         floor(r_grid * 50)::int as g,
         least(floor(power(r_cat, 1.8) * 20)::int, 19) as k,
         case when r_urg < 0.85 then 'normal' when r_urg < 0.97 then 'urgent' else 'emergency' end as urgency,
         case when r_src < 0.45 then 'patrol' when r_src < 0.60 then 'visit' when r_src < 0.80 then 'hotline'
              when r_src < 0.90 then 'resident' when r_src < 0.95 then 'department' else 'other' end as source
    from r
), b as materialized (
  select a.*,
         ($3::text[])[g + 1] as grid,
         ($4::text[])[g / 10 + 1] as community,
         case when r_open < (case when age_days < 30 then 0.65 * (1 - age_days / 30) + 0.02 else 0.01 end) then
           case when r_status < 0.15 then 'reported' when r_status < 0.25 then 'accepted' when r_status < 0.45 then 'dispatched'
                when r_status < 0.85 then 'in_progress' else 'handled' end
         else
           case when r_status < 0.30 then 'closed' when r_status < 0.88 then 'evaluated' when r_status < 0.93 then 'rejected'
                when r_status < 0.97 then 'cancelled' else 'merged' end
         end as status
    from a
), c as materialized (
  select b.*,
         case status when 'reported' then 'accept' when 'accepted' then 'dispatch' when 'dispatched' then 'sign'
                     when 'in_progress' then 'handle' when 'handled' then 'verify' end as step,
         'staff-' || grid || '-' || (1 + floor(r_misc * 3))::int as reporter
    from b
), d as materialized (
  select c.*,
         case when step is null then null when step = 'accept' then created_at else created_at + (now() - created_at) * (r_start * 0.6) end as start_at,
         (case step when 'handle' then interval '7 days' else interval '1 day' end)
           * (case urgency when 'urgent' then 0.5 when 'emergency' then 0.25 else 1 end) as span
    from c
), e as materialized (
  select d.*,
         case when step is null then 'none'
              when now() >= start_at + span * 1.5 then 'red'
              when now() >= start_at + span then 'yellow'
              when now() >= start_at + span * 0.7 then 'warning'
              else 'none' end as card,
         case when step is not null then start_at
              else created_at + least(now() - created_at, interval '10 days') * r_start end as changed_at
    from d
)
insert into ${t} (id, status, category_code, title, description, lat, lng, address, grid_code, path, urgency, source, reporter,
                  attachments, appeal_ref, owner, step, step_started_at, warn_at, due_at, red_at, next_check_at,
                  supervision_card, supervisor_unit_code, supervised_since, rework_count, handling, rating, created_at, updated_at, version, work_order)
select gen_random_uuid(),
       status,
       ($5::text[])[k + 1],
       ($10::text[])[g % 10 + 1] || (1 + floor(r_building * 30))::int || '号楼' || ($6::text[])[k + 1],
       ($7::text[])[k + 1] || case floor(r_misc * 4)::int when 0 then '，请尽快处理。' when 1 then '，居民多次反映。' when 2 then '，已拍照留存。' else '。' end,
       case when r_loc < 0.9 then ($12::float8[])[g + 1] + 0.0005 + r_v * 0.009 end,
       case when r_loc < 0.9 then ($11::float8[])[g + 1] + 0.0005 + r_u * 0.009 end,
       ($9::text[])[g / 10 + 1] || (1 + floor(r_house * 300))::int || '号' || ($10::text[])[g % 10 + 1],
       grid,
       array[$13::text, community, grid],
       urgency,
       source,
       reporter,
       '[]'::jsonb,
       case when source = 'hotline' then '12345-' || to_char(created_at, 'YYYYMMDD') || '-' || lpad(i::text, 7, '0') end,
       case when status in ('dispatched', 'in_progress', 'handled', 'closed', 'evaluated') then
         case when ($8::text[])[k + 1] = 'department' then jsonb_build_object('kind', 'department', 'departmentCode', $14::text)
              else jsonb_build_object('kind', 'unit', 'unitCode', grid, 'level', 'grid') end
       end,
       step,
       start_at,
       case when step is not null then start_at + span * 0.7 end,
       case when step is not null then start_at + span end,
       case when step is not null then start_at + span * 1.5 end,
       case when step is null then null when card = 'none' then start_at + span * 0.7 when card = 'warning' then start_at + span
            when card = 'yellow' then start_at + span * 1.5 end,
       card,
       case card when 'warning' then community when 'yellow' then $13::text when 'red' then $13::text end,
       case when card <> 'none' then start_at + span * 0.7 end,
       case when status in ('in_progress', 'handled', 'closed', 'evaluated') and r_misc < 0.04 then 1 else 0 end,
       case when status in ('handled', 'closed', 'evaluated') then
         jsonb_build_object('result', '已处理完毕，现场已恢复', 'attachments', '[]'::jsonb, 'by', reporter, 'at', changed_at)
       end,
       case when status = 'evaluated' then 3 + floor(r_misc * 3)::int end,
       created_at,
       changed_at,
       ($15::jsonb ->> status)::int,
       -- Unique like the service's numbers; seven digits, since a bench day may hold more than 999 999 cases.
       'GX-' || to_char(created_at, 'YYYYMMDD') || '-' || lpad(i::text, 7, '0')
  from e`;
}

/** A secondary index of the table: how to build it again, and the statistics targets set on its columns. */
interface SecondaryIndex {
  name: string;
  definition: string;
  statistics: { column: number; target: number }[];
}

/**
 * The table's secondary indexes, dropped for the load: building an index once over the loaded rows is much cheaper
 * than keeping it up row by row (at 10 M cases the load with the indexes in place took 23 minutes). Kept: the
 * indexes of constraints (the primary key) and the supervision scheduler's small partial index, which the running
 * scheduler reads every few seconds (without it, a scan of the whole growing table).
 */
async function dropSecondaryIndexes(client: Client, schema: string, table: string, keep: readonly string[]): Promise<SecondaryIndex[]> {
  const { rows } = await client.query<{ name: string; definition: string; statistics: { column: number; target: number }[] }>(
    `select i.indexname as name, i.indexdef as definition,
            coalesce((select json_agg(json_build_object('column', a.attnum, 'target', a.attstattarget)) from pg_attribute a
                       where a.attrelid = format('%I.%I', i.schemaname, i.indexname)::regclass and a.attstattarget > 0), '[]') as statistics
       from pg_indexes i
      where i.schemaname = $1 and i.tablename = $2 and i.indexname <> all($3::text[])
        and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [schema, table, keep],
  );
  for (const { name } of rows) await client.query(`drop index "${schema}"."${name}"`);
  return rows;
}

/** Builds the indexes again from their definitions, on `connections` connections at once (the trigram ones first: the longest). */
async function buildIndexes(databaseUrl: string, schema: string, indexes: readonly SecondaryIndex[], connections: number, interrupted?: AbortSignal): Promise<void> {
  const queue = [...indexes].sort((a, b) => Number(/ using gin /i.test(b.definition)) - Number(/ using gin /i.test(a.definition)));
  const worker = async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`set maintenance_work_mem = '512MB'`);
      for (let index = queue.shift(); index; index = queue.shift()) {
        interrupted?.throwIfAborted();
        const started = Date.now();
        await client.query(index.definition);
        for (const { column, target } of index.statistics) await client.query(`alter index "${schema}"."${index.name}" alter column ${column} set statistics ${target}`);
        log(`index ${index.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
}

/**
 * Inserts `rows` cases in chunks of `chunk` (one statement each, with progress) into the table without its secondary
 * indexes, builds them again (two at a time), then VACUUM ANALYZE: the statistics for the planner, and the visibility
 * map and hint bits set now rather than by autovacuum or the first readers during the measured runs.
 */
export async function loadIncidentCases(databaseUrl: string, options: { rows: number; chunk?: number; schema?: string; extraSql?: string; interrupted?: AbortSignal }): Promise<LoadSummary> {
  const schema = options.schema ?? 'incidents';
  const chunk = options.chunk ?? 100_000;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    await client.query(`set maintenance_work_mem = '256MB'`);
    // The same data on every run (gen_random_uuid aside).
    await client.query('select setseed(0.2026)');
    const sql = chunkSql(schema);
    const params = [
      GRIDS.map((g) => g.code),
      COMMUNITIES,
      CATEGORIES.map((c) => c.code),
      CATEGORIES.map((c) => c.title),
      CATEGORIES.map((c) => c.description),
      CATEGORIES.map((c) => ('departmentCode' in c.owner ? 'department' : 'grid')),
      ROADS,
      ESTATES,
      GRIDS.map((g) => g.lng),
      GRIDS.map((g) => g.lat),
      STREET,
      DEPARTMENT.code,
      JSON.stringify(STATUS_VERSION),
    ];
    const indexes = await dropSecondaryIndexes(client, schema, 'incident', ['incident_check_idx']);
    log(`dropped ${indexes.length} secondary indexes of ${schema}.incident for the load: ${indexes.map((i) => i.name).join(', ')}`);
    const started = Date.now();
    for (let from = 1; from <= options.rows; from += chunk) {
      options.interrupted?.throwIfAborted();
      const to = Math.min(options.rows, from + chunk - 1);
      await client.query(sql, [from, to, ...params]);
      const seconds = (Date.now() - started) / 1000;
      log(`loaded ${to} of ${options.rows} cases in ${seconds.toFixed(0)} s (${(to / seconds).toFixed(0)} rows/s)`);
    }
    const insertSeconds = (Date.now() - started) / 1000;
    const indexStarted = Date.now();
    await buildIndexes(databaseUrl, schema, indexes, 2, options.interrupted);
    const indexSeconds = (Date.now() - indexStarted) / 1000;
    log(`${indexes.length} indexes built in ${indexSeconds.toFixed(0)} s, two at a time`);
    if (options.extraSql) {
      log(`running BENCH_EXTRA_SQL: ${options.extraSql}`);
      await client.query(options.extraSql);
    }
    log('vacuum analyze');
    const vacuumStarted = Date.now();
    await client.query(`vacuum analyze "${schema}"."incident"`);
    const vacuumSeconds = (Date.now() - vacuumStarted) / 1000;
    const seconds = (Date.now() - started) / 1000;

    const t = `"${schema}"."incident"`;
    const byStatus = Object.fromEntries((await client.query<{ status: string; n: string }>(`select status, count(*) as n from ${t} group by status order by 2 desc`)).rows.map((r) => [r.status, Number(r.n)]));
    const overdue = Number((await client.query<{ n: string }>(`select count(*) as n from ${t} where step is not null and due_at < now()`)).rows[0].n);
    const sizes = (await client.query<{ table: string; indexes: string }>(`select pg_table_size($1) as table, pg_indexes_size($1) as indexes`, [`${schema}.incident`])).rows[0];
    return {
      rows: Object.values(byStatus).reduce((a, b) => a + b, 0),
      seconds,
      insertSeconds,
      indexSeconds,
      vacuumSeconds,
      byStatus,
      overdue,
      tableMiB: Number(sizes.table) / 1024 / 1024,
      indexesMiB: Number(sizes.indexes) / 1024 / 1024,
    };
  } finally {
    await client.end();
  }
}
