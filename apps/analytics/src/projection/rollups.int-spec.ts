import fc from 'fast-check';
import { SATISFACTIONS } from '@gridline/contracts-hotline';
import { APPEAL_ROLLUPS } from './appeal-rollups';
import { CASE_ROLLUPS, type Rollup } from './rollups';
import { noDifferences, rollupDifferences } from '../testing/rollup-consistency';
import { startAnalyticsUnderTest, type AnalyticsUnderTest } from '../testing/analytics-under-test';

/**
 * Paths of a street's community grid, an exclusive grid, another community's grid, the street alone (an unlocated
 * appeal's: the street a leaf for it, not for the others) and none (not placed).
 */
// The last but one: grid S-C1-G1 moved to community S-C2 (its old and new rows share a unit).
const PATHS = ['{S,S-C1,S-C1-G1}', '{S,S-X1}', '{S,S-C2,S-C2-G1}', '{S,S-C2,S-C1-G1}', '{S}', '{}'];
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

const appeal = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  path: fc.constantFrom(...PATHS),
  lead: fc.constantFrom<[string | null, string | null]>([null, null], ['department', 'D1'], ['department', 'D2'], ['unit', 'S-C1-G1'], ['unit', 'S']),
  received: instant,
  dispatched: maybe(instant),
  signDue: maybe(instant),
  signed: maybe(instant),
  answerDue: maybe(instant),
  answered: maybe(instant),
  closed: maybe(instant),
  resolution: maybe(fc.constantFrom('resolved', 'partly_resolved', 'not_resolved')),
  satisfaction: maybe(fc.constantFrom(...SATISFACTIONS)),
  reopens: fc.integer({ min: 0, max: 1 }),
  returns: fc.integer({ min: 0, max: 1 }),
  extensions: fc.integer({ min: 0, max: 1 }),
});

/** One statement on the appeal projection: a batch upserted (as `AppealProjectionRepository.apply`), rows changed or deleted. */
const appealStatement: fc.Arbitrary<Statement> = fc.oneof(
  fc.array(appeal, { minLength: 1, maxLength: 4 }).map((rows) => ({
    sql: `insert into analytics.appeal_projection (appeal_id, status, channel, type, urgency, unit_path, lead_kind, lead_code, received_at, dispatched_at, sign_due_at,
            signed_at, answer_due_at, answered_at, closed_at, resolution, satisfaction, reopen_count, return_count, extension_count, last_event_at)
          select distinct on (i) i, 'dispatched', 'phone', 'complaint', 'general', p::text[], lk, lc, rc, di, sd, si, ad, an, cl, rs, sa, ro, rt, ex, now()
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[],
                        $10::timestamptz[], $11::timestamptz[], $12::text[], $13::text[], $14::int[], $15::int[], $16::int[])
              as r(i, p, lk, lc, rc, di, sd, si, ad, an, cl, rs, sa, ro, rt, ex)
          on conflict (appeal_id) do update set unit_path = excluded.unit_path, lead_kind = excluded.lead_kind, lead_code = excluded.lead_code,
            received_at = excluded.received_at, dispatched_at = excluded.dispatched_at, sign_due_at = excluded.sign_due_at, signed_at = excluded.signed_at,
            answer_due_at = excluded.answer_due_at, answered_at = excluded.answered_at, closed_at = excluded.closed_at, resolution = excluded.resolution,
            satisfaction = excluded.satisfaction, reopen_count = excluded.reopen_count, return_count = excluded.return_count,
            extension_count = excluded.extension_count, last_event_at = excluded.last_event_at`,
    params: [
      rows.map((r) => r.id), rows.map((r) => r.path), rows.map((r) => r.lead[0]), rows.map((r) => r.lead[1]), rows.map((r) => r.received), rows.map((r) => r.dispatched),
      rows.map((r) => r.signDue), rows.map((r) => r.signed), rows.map((r) => r.answerDue), rows.map((r) => r.answered), rows.map((r) => r.closed),
      rows.map((r) => r.resolution), rows.map((r) => r.satisfaction), rows.map((r) => r.reopens), rows.map((r) => r.returns), rows.map((r) => r.extensions),
    ],
  })),
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), answered: maybe(instant), closed: maybe(instant), satisfaction: maybe(fc.constantFrom(...SATISFACTIONS)) }).map((a) => ({
    // Answered, closed, rated: an appeal's later life.
    sql: `update analytics.appeal_projection set answered_at = $2, resolution = 'resolved', closed_at = $3, satisfaction = $4 where appeal_id = $1`,
    params: [a.id, a.answered, a.closed, a.satisfaction],
  })),
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), lead: fc.constantFrom<[string | null, string | null]>([null, null], ['department', 'D2'], ['unit', 'S-C2-G1']) }).map(({ id, lead }) => ({
    // Returned and dispatched to another owner.
    sql: `update analytics.appeal_projection set lead_kind = $2, lead_code = $3, return_count = return_count + 1 where appeal_id = $1`,
    params: [id, lead[0], lead[1]],
  })),
  fc.constantFrom('S', 'S-C1').map((unit) => ({
    // Many rows at once, of a place.
    sql: `update analytics.appeal_projection set reopen_count = reopen_count + 1, extension_count = 1 - extension_count where $1 = any(unit_path)`,
    params: [unit],
  })),
  fc.constantFrom('a', 'b', 'c', 'd').map((id) => ({
    // Only columns no roll-up reads: nothing to move.
    sql: `update analytics.appeal_projection set last_event_at = now(), status = 'closed', handoff = 1 where appeal_id = $1`,
    params: [id],
  })),
  fc.constantFrom('a', 'b', 'c', 'd').map((id) => ({ sql: `delete from analytics.appeal_projection where appeal_id = $1`, params: [id] })),
);

describe('roll-ups kept by statement triggers', () => {
  let t: AnalyticsUnderTest;

  beforeAll(async () => {
    t = await startAnalyticsUnderTest();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** After any run of the statements, from empty tables, each roll-up holds what rolling up its source afresh gives. */
  const holdsFresh = (rollups: readonly Rollup[], statements: fc.Arbitrary<Statement>) =>
    fc.assert(
      fc.asyncProperty(fc.array(statements, { minLength: 1, maxLength: 12 }), async (run) => {
        await t.db.query(`truncate ${[...new Set(rollups.flatMap((r) => [r.source, r.table]))].map((x) => `analytics.${x}`).join(', ')}`);
        for (const s of run) await t.db.query(s.sql, s.params);
        expect(await rollupDifferences(t.db, rollups)).toEqual(noDifferences(rollups));
      }),
      { numRuns: 40 },
    );

  it('always hold what rolling up the source tables afresh gives, whatever was inserted, upserted, changed or deleted', async () => {
    await holdsFresh(CASE_ROLLUPS, statement);
  });

  it('keep the appeals rolled up per lead owner and per place through their life: upserted, answered, closed, rated, led by another, deleted', async () => {
    await holdsFresh(APPEAL_ROLLUPS, appealStatement);
    // The lead owner's rows hold every appeal it leads, placed or not.
    await t.db.query(`truncate analytics.appeal_projection, ${APPEAL_ROLLUPS.map((r) => `analytics.${r.table}`).join(', ')}`);
    await t.db.query(`insert into analytics.appeal_projection (appeal_id, status, channel, type, urgency, unit_path, lead_kind, lead_code, received_at, reopen_count, return_count, extension_count, last_event_at)
      values ('x', 'dispatched', 'phone', 'complaint', 'general', '{}', 'department', 'D1', '2026-11-30T01:00:00Z', 0, 0, 0, now()),
             ('y', 'dispatched', 'phone', 'complaint', 'general', '{S,S-X1}', 'department', 'D1', '2026-11-30T02:00:00Z', 0, 0, 0, now())`);
    const { rows } = await t.db.query(`select unit, depth, path, leaf, day::text, n from analytics.appeal_lead_day where n > 0`);
    expect(rows).toEqual([{ unit: 'D1', depth: 1, path: ['D1'], leaf: true, day: '2026-11-30', n: '2' }]);
  });
});
