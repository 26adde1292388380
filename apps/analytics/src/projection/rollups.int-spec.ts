import fc from 'fast-check';
import { CASE_ROLLUPS, rollupSelect, type Rollup } from './rollups';
import { startAnalyticsUnderTest, type AnalyticsUnderTest } from '../testing/analytics-under-test';

/** Paths of a street's community grid, an exclusive grid, another community's grid, and none (not placed). */
const PATHS = ['{S,S-C1,S-C1-G1}', '{S,S-X1}', '{S,S-C2,S-C2-G1}', '{}'];
const DEPARTMENTS = [null, 'D1', 'D2'];
/** Instants around two China midnights (16:00 UTC is 00:00 the next day in China). */
const instant = fc.integer({ min: 0, max: 40 }).map((h) => new Date(Date.UTC(2026, 10, 29, 12 + h, 30)).toISOString());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const fact = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  seq: fc.integer({ min: 1, max: 3 }),
  kind: fc.constantFrom('reported', 'closed', 'evaluated'),
  at: instant,
  path: fc.constantFrom(...PATHS),
  department: fc.constantFrom(...DEPARTMENTS),
  value: maybe(fc.integer({ min: 1, max: 5 })),
});
const step = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  seq: fc.integer({ min: 1, max: 3 }),
  step: fc.constantFrom('accept', 'handle'),
  path: fc.constantFrom(...PATHS),
  department: fc.constantFrom(...DEPARTMENTS),
  started: instant,
  due: maybe(instant),
  ended: maybe(instant),
  counted: fc.boolean(),
  onTime: maybe(fc.boolean()),
});
const kase = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  path: fc.constantFrom(...PATHS),
  owner: fc.constantFrom<[string | null, string | null]>([null, null], ['department', 'D1'], ['department', 'D2'], ['unit', 'S-C1-G1']),
  reported: maybe(instant),
  accepted: maybe(instant),
  closed: maybe(instant),
  finished: maybe(instant),
  returns: fc.integer({ min: 0, max: 2 }),
  reworks: fc.integer({ min: 0, max: 1 }),
  hours: maybe(fc.integer({ min: 0, max: 250_000 }).map((h) => h / 100)),
});

/** One statement on a source table: a batch inserted (or upserted), rows of a case deleted, or rows changed. */
type Statement = { sql: string; params: unknown[] };
const statement: fc.Arbitrary<Statement> = fc.oneof(
  fc.array(fact, { minLength: 1, maxLength: 4 }).map((rows) => ({
    sql: `insert into analytics.case_fact (incident_id, seq, kind, at, unit_path, department_code, value)
          select i, s, k, a, p::text[], d, v from unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::numeric[]) as r(i, s, k, a, p, d, v)
          on conflict (incident_id, seq) do nothing`,
    params: [rows.map((r) => r.id), rows.map((r) => r.seq), rows.map((r) => r.kind), rows.map((r) => r.at), rows.map((r) => r.path), rows.map((r) => r.department), rows.map((r) => r.value)],
  })),
  fc.array(step, { minLength: 1, maxLength: 4 }).map((rows) => ({
    sql: `insert into analytics.case_step (incident_id, seq, step, unit_path, department_code, started_at, due_at, ended_at, counted, on_time, extended)
          select distinct on (i, s) i, s, st, p::text[], d, a, du, e, c, o, false
            from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::boolean[], $10::boolean[]) as r(i, s, st, p, d, a, du, e, c, o)
          on conflict (incident_id, seq) do update set ended_at = excluded.ended_at, counted = excluded.counted, on_time = excluded.on_time, due_at = excluded.due_at`,
    params: [rows.map((r) => r.id), rows.map((r) => r.seq), rows.map((r) => r.step), rows.map((r) => r.path), rows.map((r) => r.department), rows.map((r) => r.started), rows.map((r) => r.due), rows.map((r) => r.ended), rows.map((r) => r.counted), rows.map((r) => r.onTime)],
  })),
  fc.array(kase, { minLength: 1, maxLength: 3 }).map((rows) => ({
    sql: `insert into analytics.case_projection (incident_id, status, grid_code, unit_path, category_code, urgency, source, owner_kind, owner_code, card,
            reported_at, accepted_at, closed_at, finished_at, warnings, yellow_cards, red_cards, returns, reworks, extensions, handling_hours, last_event_at)
          select distinct on (i) i, 'closed', 'g', p::text[], 'ROAD', 'normal', 'patrol', ok, oc, 'none', rp, ac, cl, fi, 0, 0, 0, rt, rw, 0, h, now()
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::int[], $10::int[], $11::numeric[]) as r(i, p, ok, oc, rp, ac, cl, fi, rt, rw, h)
          on conflict (incident_id) do update set unit_path = excluded.unit_path, owner_kind = excluded.owner_kind, owner_code = excluded.owner_code,
            reported_at = excluded.reported_at, accepted_at = excluded.accepted_at, closed_at = excluded.closed_at, finished_at = excluded.finished_at,
            returns = excluded.returns, reworks = excluded.reworks, handling_hours = excluded.handling_hours, last_event_at = excluded.last_event_at`,
    params: [rows.map((r) => r.id), rows.map((r) => r.path), rows.map((r) => r.owner[0]), rows.map((r) => r.owner[1]), rows.map((r) => r.reported), rows.map((r) => r.accepted), rows.map((r) => r.closed), rows.map((r) => r.finished), rows.map((r) => r.returns), rows.map((r) => r.reworks), rows.map((r) => r.hours)],
  })),
  fc.record({ table: fc.constantFrom('case_fact', 'case_step', 'case_projection'), id: fc.constantFrom('a', 'b', 'c', 'd') }).map(({ table, id }) => ({ sql: `delete from analytics.${table} where incident_id = $1`, params: [id] })),
  fc.record({ id: fc.constantFrom('a', 'b', 'c'), at: instant, department: fc.constantFrom(...DEPARTMENTS) }).map(({ id, at, department }) => ({
    sql: `update analytics.case_fact set at = $2, department_code = $3 where incident_id = $1`,
    params: [id, at, department],
  })),
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), path: fc.constantFrom(...PATHS) }).map(({ id, path }) => ({
    // Only a column no roll-up reads: nothing to move.
    sql: `update analytics.case_projection set last_event_at = now(), status = 'evaluated' where incident_id = $1 and unit_path::text <> $2`,
    params: [id, path],
  })),
);

/** The roll-up's rows that are not all zero (a row whose source rows all went keeps its key with zeros). */
const held = (r: Rollup) => `select unit, depth, path, leaf, department, ${[...Object.keys(r.keys), ...Object.keys(r.measures)].join(', ')} from analytics.${r.table}
  where (${Object.keys(r.measures).join(', ')}) is distinct from (${Object.keys(r.measures).map(() => '0').join(', ')})`;
/** The same rolled up afresh from the source's rows, without the groups that sum to zero. */
const fresh = (r: Rollup) => `select * from (${rollupSelect(r, `select 1 as sign, n.* from analytics.${r.source} n`)}) f
  where (${Object.keys(r.measures).map((m) => `f.${m}`).join(', ')}) is distinct from (${Object.keys(r.measures).map(() => '0').join(', ')})`;

describe('daily roll-ups kept by statement triggers', () => {
  let t: AnalyticsUnderTest;

  beforeAll(async () => {
    t = await startAnalyticsUnderTest();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('always hold what rolling up the source tables afresh gives, whatever was inserted, upserted, changed or deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 12 }), async (statements) => {
        await t.db.query(`truncate ${[...new Set(CASE_ROLLUPS.flatMap((r) => [r.source, r.table]))].map((x) => `analytics.${x}`).join(', ')}`);
        for (const s of statements) await t.db.query(s.sql, s.params);
        for (const r of CASE_ROLLUPS) {
          const extra = await t.db.query(`(${held(r)}) except all (${fresh(r)})`);
          const missing = await t.db.query(`(${fresh(r)}) except all (${held(r)})`);
          expect({ table: r.table, extra: extra.rows, missing: missing.rows }).toEqual({ table: r.table, extra: [], missing: [] });
        }
      }),
      { numRuns: 40 },
    );
  });
});
