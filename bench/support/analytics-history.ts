import { Client } from 'pg';
import { latLngToCell } from 'h3-js';
import { CATEGORIES, COMMUNITIES, DEPARTMENT, GRIDS, GRID_SIZE_DEGREES, STREET } from './grid-map';
import { log } from './platform';

/**
 * A year of history written straight into analytics' projection tables (`case_projection`, `case_step`,
 * `case_fact`, `appeal_projection`) with `insert … select … from generate_series`: test data for the figures and hot
 * spots benchmark, shaped like what `foldCase` and `applyAppealEvent` write — not a write path (no `case_event`, no
 * inbox). Replaying a million cases' events through NATS and the fold would take hours on this machine.
 *
 * Cases (over the 50 grids of the bench map, reported uniformly over the last 365 days, categories skewed as in
 * bench:incidents, 85/12/3% normal/urgent/emergency, 90% located on a 10 × 10 lattice of spots per grid with their
 * H3 cells computed here by h3-js): five steps in turn — accept (due in 24 h), dispatch (8 h), sign (4 h), handle
 * (120 h), verify (24 h), halved for urgent and quartered for emergency — each ending within 5–95% of its time,
 * or late (8% of steps) at 100–250%; a step open now is open in the projection (its case reported … handled, its
 * due time the case's), so the open and overdue cases are the recent ones. 5% are rejected at acceptance, 3% merged,
 * 3% cancelled at some step, 1% stuck in a step forever, the rest closed after verification with working hours
 * ≈ 5/21 of the wall hours from acceptance, 60% of the closed evaluated (rating 5/4/3/2/1: 50/30/12/5/3%) within
 * two days; 3% returned, 4% reworked, 2% extended. Facts: reported, accepted, rejected, merged, cancelled, closed
 * (with the hours), evaluated (with the rating), returned, reworked, extended, and the supervision's warning
 * (70% of a step's time), yellow (its due time) and red (150%) of every step that passed them.
 *
 * Appeals (received uniformly over the last 365 days): 85% located in a grid (15% at the street alone), 95% with a
 * category; lead owner 45% the department, 35% the grid, 10% the community, 10% the street; dispatched 0.1–2 h after
 * reception (5% answered directly), signing due 2 h after dispatch (10% late), answer due in 5 days (emergency 1),
 * 8% answered late, closed 2–48 h after the answer; resolved/partly/not 80/12/8%, satisfied/basically/dissatisfied/
 * not reached 60/20/8/12%; 2% reopened, 4% returned, 3% extended; 1% merged. Every milestone only if it is before now.
 */
export interface HistorySummary {
  cases: number;
  steps: number;
  facts: number;
  appeals: number;
  seconds: number;
  indexSeconds: number;
  /** Table and index sizes in MiB, by table. */
  sizes: Record<string, { table: number; indexes: number }>;
}

export const PROJECTION_TABLES = ['case_projection', 'case_step', 'case_fact', 'appeal_projection'];

const SPOTS_PER_SIDE = 10;
const SPOTS_PER_GRID = SPOTS_PER_SIDE * SPOTS_PER_SIDE;

/** The lattice of spots of each grid (grid g's spots at g × 100 …), with their cells, as parallel arrays. */
function spots(): { lat: number[]; lng: number[]; h3r7: string[]; h3r8: string[]; h3r9: string[] } {
  const out = { lat: [] as number[], lng: [] as number[], h3r7: [] as string[], h3r8: [] as string[], h3r9: [] as string[] };
  const step = GRID_SIZE_DEGREES / SPOTS_PER_SIDE;
  for (const grid of GRIDS) {
    for (let s = 0; s < SPOTS_PER_GRID; s++) {
      const lat = Number((grid.lat + step * (Math.floor(s / SPOTS_PER_SIDE) + 0.5)).toFixed(6));
      const lng = Number((grid.lng + step * ((s % SPOTS_PER_SIDE) + 0.5)).toFixed(6));
      out.lat.push(lat);
      out.lng.push(lng);
      out.h3r7.push(latLngToCell(lat, lng, 7));
      out.h3r8.push(latLngToCell(lat, lng, 8));
      out.h3r9.push(latLngToCell(lat, lng, 9));
    }
  }
  return out;
}

/** The cases of ids $1…$2 into the staging table `bench_case` (one row per case: its draws, timeline and fate). */
const STAGE_CASES = `
insert into bench_case
with r as (
  select i, random() as r_age, random() as r_grid, random() as r_cat, random() as r_urg, random() as r_src, random() as r_fate, random() as r_at,
         random() as r_loc, random() as r_spot, random() as r_eval, random() as r_rating, random() as r_count,
         array[random(), random(), random(), random(), random()] as r_late, array[random(), random(), random(), random(), random()] as r_len
    from generate_series($1::int, $2::int) as i
), a as (
  select r.*,
         now() - r_age * interval '365 days' as t0,
         floor(r_grid * 50)::int as g,
         least(floor(power(r_cat, 1.8) * 20)::int, 19) as k,
         case when r_urg < 0.85 then 'normal' when r_urg < 0.97 then 'urgent' else 'emergency' end as urgency,
         case when r_urg < 0.85 then 1.0 when r_urg < 0.97 then 0.5 else 0.25 end as uf,
         case when r_src < 0.45 then 'patrol' when r_src < 0.60 then 'visit' when r_src < 0.80 then 'hotline'
              when r_src < 0.90 then 'resident' when r_src < 0.95 then 'department' else 'other' end as source,
         case when r_fate < 0.05 then 'rejected' when r_fate < 0.08 then 'merged' when r_fate < 0.11 then 'cancelled' when r_fate < 0.12 then 'stuck' else 'normal' end as fate
    from r
), b as (
  select a.*,
         -- Each step's time (hours), then how long it took: 5–95% of it, or late (8%) 100–250%.
         array[24, 8, 4, 120, 24]::float8[] as span_h,
         case fate when 'rejected' then 1 when 'merged' then 1 when 'cancelled' then 1 + floor(r_at * 4)::int when 'stuck' then 1 + floor(r_at * 5)::int else 5 end as last_step
    from a
), c as (
  select b.*,
         array(select uf * span_h[j] * (case when r_late[j] < 0.08 then 1 + r_len[j] * 1.5 else 0.05 + r_len[j] * 0.9 end) from generate_series(1, 5) j order by j) as took_h
    from b
)
select i, 'bench-case-' || i, g, k, urgency, source, fate, last_step, t0,
       array(select uf * span_h[j] from generate_series(1, 5) j order by j),
       array(select t0 + (select sum(x) from unnest(took_h[1:j]) x) * interval '1 hour' from generate_series(1, 5) j order by j),
       r_loc < 0.9, g * ${SPOTS_PER_GRID} + floor(r_spot * ${SPOTS_PER_GRID})::int + 1,
       r_eval < 0.6, t0 + (select sum(x) from unnest(took_h) x) * interval '1 hour' + r_eval * interval '80 hours',
       case when r_rating < 0.5 then 5 when r_rating < 0.8 then 4 when r_rating < 0.92 then 3 when r_rating < 0.97 then 2 else 1 end,
       case when r_count < 0.03 then 1 else 0 end, case when r_count >= 0.03 and r_count < 0.07 then 1 else 0 end, case when r_count >= 0.07 and r_count < 0.09 then 1 else 0 end
  from c`;

const STAGE_TABLE = `create unlogged table bench_case (
  i int primary key, id text, g int, k int, urgency text, source text, fate text, last_step int, t0 timestamptz,
  span_h float8[], ends timestamptz[], located boolean, spot int, evaluated boolean, evaluated_at timestamptz, rating int,
  returns int, reworks int, extensions int
)`;

/**
 * Each step of each case as `foldCase` writes it: started when the one before ended (the first at the report), due
 * after its time, ended by its transition (the last by the case's fate), counted unless cancelled or merged, on time
 * when ended by its due time; a step that would start after now does not exist, one that would end after now is open.
 * The department is the case's owner from the signing on (the owner is set at dispatch).
 */
const STEPS_VIEW = `create view bench_step as
select c.i, c.id, j,
       (array['accept', 'dispatch', 'sign', 'handle', 'verify'])[j] as step,
       array[$1::text, ($2::text[])[c.g / 10 + 1], ($3::text[])[c.g + 1]] as path,
       case when j >= 3 and ($4::text[])[c.k + 1] = 'department' then $5::text end as department,
       case when j = 1 then c.t0 else c.ends[j - 1] end as started_at,
       case when j = 1 then c.t0 else c.ends[j - 1] end + c.span_h[j] * interval '1 hour' as due_at,
       case when c.ends[j] <= now() and not (c.fate = 'stuck' and j = c.last_step) then c.ends[j] end as ended_at,
       case when c.ends[j] > now() or (c.fate = 'stuck' and j = c.last_step) then null
            when j = c.last_step and c.fate in ('rejected', 'merged', 'cancelled') then c.fate
            else (array['accepted', 'dispatched', 'signed', 'handled', 'verified'])[j] end as ended_by,
       c.g, c.k
  from bench_case c cross join lateral generate_series(1, c.last_step) j
 where (case when j = 1 then c.t0 else c.ends[j - 1] end) < now()`;

function insertSteps(schema: string): string {
  return `insert into "${schema}".case_step (incident_id, seq, step, unit_path, department_code, started_at, due_at, ended_at, ended_by, ended_actor, counted, on_time, extended)
select id, j, step, path, department, started_at, due_at, ended_at, ended_by,
       case when ended_by is null then null when department is not null then 'dept-handler-' || (1 + i % 5) else 'staff-' || path[3] || '-' || (1 + i % 3) end,
       ended_by is not null and ended_by not in ('merged', 'cancelled'),
       case when ended_at is not null then ended_at <= due_at end,
       false
  from bench_step`;
}

/** The dated facts of each case, each kind in a slot of its own for the (incident, seq) key. */
function insertFacts(schema: string): string {
  const t = `"${schema}".case_fact`;
  const path = `array[$1::text, ($2::text[])[c.g / 10 + 1], ($3::text[])[c.g + 1]]`;
  const dept = `case when ($4::text[])[c.k + 1] = 'department' then $5::text end`;
  const hours = `round((extract(epoch from c.ends[5] - c.ends[1]) / 3600 * 5 / 21)::numeric, 2)`;
  const closed = `c.fate = 'normal' and c.ends[5] <= now()`;
  return `insert into ${t} (incident_id, seq, kind, at, unit_path, department_code, value)
select c.id, f.seq, f.kind, f.at, ${path}, f.dept, f.value
  from bench_case c cross join lateral (values
    (1, 'reported', c.t0, null::text, null::numeric, true),
    (2, 'accepted', c.ends[1], null, null, (c.last_step > 1 or c.fate = 'normal') and c.ends[1] <= now()),
    (3, 'rejected', c.ends[1], null, null, c.fate = 'rejected' and c.ends[1] <= now()),
    (4, 'merged', c.ends[1], null, null, c.fate = 'merged' and c.ends[1] <= now()),
    (5, 'cancelled', c.ends[c.last_step], case when c.last_step >= 3 then ${dept} end, null, c.fate = 'cancelled' and c.ends[c.last_step] <= now()),
    (6, 'closed', c.ends[5], ${dept}, ${hours}, ${closed}),
    (7, 'evaluated', c.evaluated_at, ${dept}, c.rating::numeric, ${closed} and c.evaluated and c.evaluated_at <= now()),
    (8, 'returned', c.ends[2] + interval '10 minutes', null, null, c.returns > 0 and ${closed}),
    (9, 'reworked', c.ends[5] - interval '1 hour', ${dept}, null, c.reworks > 0 and ${closed}),
    (10, 'extended', c.ends[3] + interval '1 hour', ${dept}, null, c.extensions > 0 and ${closed})
  ) as f(seq, kind, at, dept, value, present)
 where f.present
union all
select s.id, 10 + s.j * 3 + v.n, v.kind, v.at, s.path, s.department, null
  from bench_step s cross join lateral (values
    (1, 'warning', s.started_at + (s.due_at - s.started_at) * 0.7),
    (2, 'yellow', s.due_at),
    (3, 'red', s.started_at + (s.due_at - s.started_at) * 1.5)
  ) as v(n, kind, at)
 where v.at < coalesce(s.ended_at, now())`;
}

/** The case projection: the newest state, milestones, counts (the cards from the facts), the place and its cells. */
function insertCases(schema: string): string {
  const dept = `($4::text[])[c.k + 1] = 'department'`;
  const closed = `c.fate = 'normal' and c.ends[5] <= now()`;
  return `insert into "${schema}".case_projection (incident_id, work_order, status, grid_code, unit_path, category_code, urgency, source, owner_kind, owner_code, step, due_at, card,
    reported_at, reported_by, accepted_at, rejected_at, dispatched_at, signed_at, handled_at, verified_at, closed_at, finished_at, evaluated_at, rating,
    warnings, yellow_cards, red_cards, returns, reworks, extensions, handling_hours, last_event_at, lat, lng, h3r7, h3r8, h3r9)
select c.id, 'GX-' || to_char(c.t0, 'YYYYMMDD') || '-' || lpad(c.i::text, 7, '0'),
       case when o.step is not null then (array['reported', 'accepted', 'dispatched', 'in_progress', 'handled'])[o.j]
            when c.fate = 'normal' then case when c.evaluated and c.evaluated_at <= now() then 'evaluated' else 'closed' end
            else c.fate end,
       ($3::text[])[c.g + 1], array[$1::text, ($2::text[])[c.g / 10 + 1], ($3::text[])[c.g + 1]], ($6::text[])[c.k + 1], c.urgency, c.source,
       case when coalesce(o.j, c.last_step) >= 3 or ${closed} then case when ${dept} then 'department' else 'unit' end end,
       case when coalesce(o.j, c.last_step) >= 3 or ${closed} then case when ${dept} then $5::text else ($3::text[])[c.g + 1] end end,
       o.step, o.due_at,
       case when o.step is null then 'none' when now() >= o.started_at + (o.due_at - o.started_at) * 1.5 then 'red' when now() >= o.due_at then 'yellow'
            when now() >= o.started_at + (o.due_at - o.started_at) * 0.7 then 'warning' else 'none' end,
       c.t0, 'staff-' || ($3::text[])[c.g + 1] || '-' || (1 + c.i % 3),
       case when x.accepted then c.ends[1] end,
       case when c.fate = 'rejected' and c.ends[1] <= now() then c.ends[1] end,
       case when x.done >= 2 then c.ends[2] end, case when x.done >= 3 then c.ends[3] end, case when x.done >= 4 then c.ends[4] end,
       case when x.done >= 5 then c.ends[5] end, case when ${closed} then c.ends[5] end,
       case when o.step is null and c.fate <> 'stuck' then c.ends[c.last_step] end,
       case when ${closed} and c.evaluated and c.evaluated_at <= now() then c.evaluated_at end,
       case when ${closed} and c.evaluated and c.evaluated_at <= now() then c.rating end,
       coalesce(k.warnings, 0), coalesce(k.yellows, 0), coalesce(k.reds, 0),
       case when ${closed} then c.returns else 0 end, case when ${closed} then c.reworks else 0 end, case when ${closed} then c.extensions else 0 end,
       case when ${closed} then round((extract(epoch from c.ends[5] - c.ends[1]) / 3600 * 5 / 21)::numeric, 2) end,
       greatest(c.t0, (select max(e) from unnest(c.ends) e where e <= now()), case when ${closed} and c.evaluated and c.evaluated_at <= now() then c.evaluated_at end),
       case when c.located then ($7::float8[])[c.spot] end, case when c.located then ($8::float8[])[c.spot] end,
       case when c.located then ($9::text[])[c.spot] end, case when c.located then ($10::text[])[c.spot] end, case when c.located then ($11::text[])[c.spot] end
  from bench_case c
  left join lateral (select s.j, s.step, s.started_at, s.due_at from bench_step s where s.i = c.i and s.ended_by is null order by s.j limit 1) o on true
  cross join lateral (select (c.last_step > 1 or c.fate = 'normal') and c.ends[1] <= now() as accepted,
                             (select count(*) from generate_series(1, c.last_step) j where c.ends[j] <= now() and not (c.fate = 'stuck' and j = c.last_step)
                                and not (j = c.last_step and c.fate in ('rejected', 'merged', 'cancelled'))) as done) x
  left join (select incident_id, count(*) filter (where kind = 'warning') as warnings, count(*) filter (where kind = 'yellow') as yellows,
                    count(*) filter (where kind = 'red') as reds
               from "${schema}".case_fact where kind in ('warning', 'yellow', 'red') group by 1) k on k.incident_id = c.id`;
}

/** Appeals $11…$12 straight into appeal_projection ($1–$10: the map, the department, the category codes, the spots). */
function insertAppeals(schema: string): string {
  return `insert into "${schema}".appeal_projection (appeal_id, status, channel, type, urgency, category_code, grid_code, unit_path, lat, lng, h3r7, h3r8, h3r9,
    lead_kind, lead_code, lead_level, received_at, dispatched_at, sign_due_at, signed_at, answer_due_at, answered_at, closed_at, resolution, satisfaction,
    reopen_count, return_count, extension_count, handoff, last_event_at)
with r as (
  select i, random() as r_age, random() as r_grid, random() as r_loc, random() as r_spot, random() as r_cat, random() as r_ch, random() as r_type, random() as r_urg,
         random() as r_lead, random() as r_disp, random() as r_sign, random() as r_ans, random() as r_close, random() as r_res, random() as r_sat, random() as r_count
    from generate_series($11::int, $12::int) as i
), a as (
  select r.*, now() - r_age * interval '365 days' as received, floor(r_grid * 50)::int as g, r_loc < 0.85 as located,
         case when r_urg < 0.9 then 'general' when r_urg < 0.98 then 'utilities' else 'emergency' end as urgency,
         case when r_lead < 0.45 then 'department' when r_lead < 0.80 then 'grid' when r_lead < 0.90 then 'community' else 'street' end as lead
    from r
), b as (
  select a.*,
         case when r_disp < 0.95 then received + (0.1 + r_disp * 2) * interval '1 hour' end as dispatched,
         received + case when urgency = 'emergency' then interval '1 day' else interval '5 days' end as answer_due
    from a
), c as (
  select b.*, dispatched + interval '2 hours' as sign_due,
         dispatched + case when r_sign < 0.1 then (2.1 + r_sign * 20) else (0.1 + r_sign * 1.8) end * interval '1 hour' as signed
    from b
), d as (
  select c.*,
         case when r_ans < 0.08 then answer_due + (1 + r_ans * 400) * interval '1 hour'
              else coalesce(signed, received) + greatest(answer_due - coalesce(signed, received), interval '1 hour') * (0.05 + r_ans * 0.9) end as answered
    from c
), e as (
  select d.*, answered + (2 + r_close * 46) * interval '1 hour' as closed from d
)
select 'bench-appeal-' || i,
       case when r_count > 0.99 then 'merged' when closed <= now() then 'closed' when answered <= now() then 'answered' when signed <= now() then 'signed'
            when dispatched <= now() then 'dispatched' else 'received' end,
       case when r_ch < 0.6 then 'phone' when r_ch < 0.75 then 'web' when r_ch < 0.85 then 'app' when r_ch < 0.95 then 'wechat' else 'other' end,
       case when r_type < 0.45 then 'complaint' when r_type < 0.70 then 'help' when r_type < 0.85 then 'consultation' when r_type < 0.95 then 'report'
            when r_type < 0.99 then 'suggestion' else 'praise' end,
       urgency,
       case when r_cat < 0.95 then ($5::text[])[least(floor(power(r_cat / 0.95, 1.8) * 20)::int, 19) + 1] end,
       case when located then ($3::text[])[g + 1] end,
       case when located then array[$1::text, ($2::text[])[g / 10 + 1], ($3::text[])[g + 1]] else array[$1::text] end,
       case when located then ($6::float8[])[g * ${SPOTS_PER_GRID} + floor(r_spot * ${SPOTS_PER_GRID})::int + 1] end,
       case when located then ($7::float8[])[g * ${SPOTS_PER_GRID} + floor(r_spot * ${SPOTS_PER_GRID})::int + 1] end,
       case when located then ($8::text[])[g * ${SPOTS_PER_GRID} + floor(r_spot * ${SPOTS_PER_GRID})::int + 1] end,
       case when located then ($9::text[])[g * ${SPOTS_PER_GRID} + floor(r_spot * ${SPOTS_PER_GRID})::int + 1] end,
       case when located then ($10::text[])[g * ${SPOTS_PER_GRID} + floor(r_spot * ${SPOTS_PER_GRID})::int + 1] end,
       case when dispatched is null then null when lead = 'department' then 'department' else 'unit' end,
       case when dispatched is null then null when lead = 'department' then $4::text when lead = 'grid' and located then ($3::text[])[g + 1]
            when lead = 'community' and located then ($2::text[])[g / 10 + 1] else $1::text end,
       case when dispatched is null or lead = 'department' then null when lead = 'grid' and located then 'grid' when lead = 'community' and located then 'community' else 'street' end,
       received,
       case when dispatched <= now() then dispatched end, case when dispatched <= now() then sign_due end, case when signed <= now() then signed end,
       answer_due, case when answered <= now() then answered end, case when closed <= now() and r_count <= 0.99 then closed end,
       case when answered <= now() then case when r_res < 0.8 then 'resolved' when r_res < 0.92 then 'partly_resolved' else 'not_resolved' end end,
       case when closed <= now() then case when r_sat < 0.6 then 'satisfied' when r_sat < 0.8 then 'basically_satisfied' when r_sat < 0.88 then 'dissatisfied' else 'not_reached' end end,
       case when r_count < 0.02 and closed <= now() then 1 else 0 end,
       case when r_count >= 0.02 and r_count < 0.06 and dispatched <= now() then 1 else 0 end,
       case when r_count >= 0.06 and r_count < 0.09 and signed <= now() then 1 else 0 end,
       null,
       greatest(received, case when dispatched <= now() then dispatched end, case when signed <= now() then signed end, case when answered <= now() then answered end,
                case when closed <= now() then closed end)
  from e`;
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  log(`${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Loads the history into the run's database (the analytics schema, migrated by the running service): the projection
 * tables' secondary indexes are dropped first and built again from their own definitions after the load (faster than
 * maintaining some 60 indexes row by row), then ANALYZE. Returns the counts and sizes.
 */
/**
 * `rollups`: the roll-ups of the projection tables (their tables and `rollupBackfill` statements, from the built
 * app): their statement triggers are disabled for the load, and each is filled afterwards by its one statement, two
 * at a time — the same rows the triggers would have written (an int-spec checks that the triggers' rows equal a
 * fresh roll-up), without every insert statement aggregating all of them in turn on one core.
 */
export async function loadAnalyticsHistory(
  databaseUrl: string,
  options: { schema: string; cases: number; appeals: number; rollups: readonly { table: string; backfill: string }[]; interrupted?: AbortSignal },
): Promise<HistorySummary> {
  const { schema } = options;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`set maintenance_work_mem = '256MB'`);
    await client.query('select setseed(0.2026)');
    const started = Date.now();
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = $1 and i.tablename = any($2::text[])
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = $1::regnamespace)`,
      [schema, PROJECTION_TABLES],
    );
    for (const { name } of indexes) await client.query(`drop index "${schema}"."${name}"`);
    log(`dropped ${indexes.length} secondary indexes of ${PROJECTION_TABLES.join(', ')} for the load`);
    for (const table of PROJECTION_TABLES) await client.query(`alter table "${schema}"."${table}" disable trigger user`);
    log(`disabled the roll-ups' triggers of ${PROJECTION_TABLES.join(', ')} for the load`);

    const lattice = spots();
    const map = [STREET, COMMUNITIES, GRIDS.map((g) => g.code)];
    const owners = CATEGORIES.map((c) => ('departmentCode' in c.owner ? 'department' : 'grid'));
    const codes = CATEGORIES.map((c) => c.code);
    const cells = [lattice.lat, lattice.lng, lattice.h3r7, lattice.h3r8, lattice.h3r9];
    const chunk = 200_000;

    await client.query('drop view if exists bench_step');
    await client.query('drop table if exists bench_case');
    await client.query(STAGE_TABLE);
    for (let from = 1; from <= options.cases; from += chunk) {
      options.interrupted?.throwIfAborted();
      const to = Math.min(options.cases, from + chunk - 1);
      await timed(`staged cases ${from}–${to}`, () => client.query(STAGE_CASES, [from, to]));
    }
    // The view's parameters are fixed at creation: the map and the category owners, written in as literals.
    const literal = (value: unknown) => (Array.isArray(value) ? `'{${value.map((v) => `"${String(v)}"`).join(',')}}'` : `'${String(value)}'`);
    await client.query(STEPS_VIEW.replace(/\$(\d+)(::text(\[\])?)/g, (_, n: string, cast: string) => `${literal([...map, owners, DEPARTMENT.code][Number(n) - 1])}${cast}`));
    options.interrupted?.throwIfAborted();
    const mapParams = [...map, owners, DEPARTMENT.code];
    const steps = await timed('case_step', () => client.query(insertSteps(schema)));
    options.interrupted?.throwIfAborted();
    const facts = await timed('case_fact', () => client.query(insertFacts(schema), mapParams));
    options.interrupted?.throwIfAborted();
    const cases = await timed('case_projection', () => client.query(insertCases(schema), [...mapParams, codes, ...cells]));
    let appeals = 0;
    for (let from = 1; from <= options.appeals; from += chunk) {
      options.interrupted?.throwIfAborted();
      const to = Math.min(options.appeals, from + chunk - 1);
      const result = await timed(`appeal_projection ${from}–${to}`, () => client.query(insertAppeals(schema), [...map, DEPARTMENT.code, codes, ...cells, from, to]));
      appeals += result.rowCount ?? 0;
    }
    await timed(`${options.rollups.length} roll-ups filled, two at a time`, () => fillRollups(databaseUrl, schema, options.rollups, options.interrupted));
    for (const table of PROJECTION_TABLES) await client.query(`alter table "${schema}"."${table}" enable trigger user`);
    const loadSeconds = (Date.now() - started) / 1000;

    const indexStarted = Date.now();
    for (const { name, definition } of indexes) {
      options.interrupted?.throwIfAborted();
      await timed(`index ${name}`, () => client.query(definition));
    }
    const indexSeconds = (Date.now() - indexStarted) / 1000;
    await timed('vacuum analyze', async () => {
      for (const table of PROJECTION_TABLES) await client.query(`vacuum analyze "${schema}"."${table}"`);
    });
    const sizes: HistorySummary['sizes'] = {};
    for (const table of PROJECTION_TABLES) {
      const { rows } = await client.query<{ t: string; i: string }>(`select pg_table_size($1) as t, pg_indexes_size($1) as i`, [`${schema}.${table}`]);
      sizes[table] = { table: Number(rows[0].t) / 1024 / 1024, indexes: Number(rows[0].i) / 1024 / 1024 };
    }
    return { cases: cases.rowCount ?? 0, steps: steps.rowCount ?? 0, facts: facts.rowCount ?? 0, appeals, seconds: loadSeconds + indexSeconds, indexSeconds, sizes };
  } finally {
    await client.end();
  }
}

/** Empties the roll-ups and fills each from its source by its backfill statement, on two connections. */
async function fillRollups(databaseUrl: string, schema: string, rollups: readonly { table: string; backfill: string }[], interrupted?: AbortSignal): Promise<void> {
  const queue = [...rollups];
  const worker = async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`set maintenance_work_mem = '256MB'`);
      await client.query(`set work_mem = '256MB'`);
      for (let r = queue.shift(); r; r = queue.shift()) {
        interrupted?.throwIfAborted();
        await client.query(`truncate "${schema}"."${r.table}"`);
        await timed(`roll-up ${r.table}`, () => client.query(r.backfill));
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all([worker(), worker()]);
}

/** What was loaded in a period beneath a unit (the staging table and the appeals): what the figures must answer. */
export async function loadedCounts(databaseUrl: string, schema: string, unit: string, depth: number, start: Date, end: Date): Promise<{ reported: number; received: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [column, codes] = depth === 2 ? [`($2::text[])[g / 10 + 1]`, COMMUNITIES] : [`($2::text[])[g + 1]`, GRIDS.map((g) => g.code)];
    const cases = depth > 1
      ? await client.query<{ n: string }>(`select count(*) as n from bench_case where ${column} = $1 and t0 >= $3 and t0 < $4`, [unit, codes, start, end])
      : await client.query<{ n: string }>(`select count(*) as n from bench_case where t0 >= $1 and t0 < $2`, [start, end]);
    const appeals = await client.query<{ n: string }>(`select count(*) as n from "${schema}".appeal_projection where unit_path[${depth}] = $1 and received_at >= $2 and received_at < $3`, [unit, start, end]);
    return { reported: Number(cases.rows[0].n), received: Number(appeals.rows[0].n) };
  } finally {
    await client.end();
  }
}
