import fc from 'fast-check';
import { APPEAL_HOTSPOT_ROLLUPS, CASE_HOTSPOT_ROLLUPS } from './hotspot-rollups';
import { grainPieces, grainedRows } from './grain-pieces';
import { noDifferences, rollupDifferences } from '../testing/rollup-consistency';
import { startAnalyticsUnderTest, type AnalyticsUnderTest } from '../testing/analytics-under-test';

const ROLLUPS = [...CASE_HOTSPOT_ROLLUPS, ...APPEAL_HOTSPOT_ROLLUPS];

/** Places: a community's grid, an exclusive grid, another community's grid, a street alone (an appeal at no grid), none. */
const PLACES: [path: string, grid: string | null][] = [
  ['{S,S-C1,S-C1-G1}', 'S-C1-G1'],
  ['{S,S-X1}', 'S-X1'],
  ['{S,S-C2,S-C2-G1}', 'S-C2-G1'],
  ['{S}', null],
  ['{}', null],
];
/** Instants around China midnights, month and year ends (16:00 UTC is 00:00 the next day in China). */
const instant = fc.constantFrom('2025-12-31T15:30:00Z', '2025-12-31T16:30:00Z', '2026-01-31T15:59:00Z', '2026-02-01T03:00:00Z', '2026-11-29T17:00:00Z', '2026-11-30T16:00:00Z');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const cells = fc.constantFrom<[string | null, string | null, string | null]>([null, null, null], ['87a', '88a', '89a'], ['87a', '88a', '89b'], ['87a', '88b', '89c']);

const row = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  place: fc.constantFrom(...PLACES),
  category: fc.constantFrom('ROAD', 'NOISE'),
  cells,
  reported: maybe(instant),
  closed: maybe(instant),
  received: instant,
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;
const columns = (rows: Row[]) => [
  rows.map((r) => r.id),
  rows.map((r) => r.place[0]),
  rows.map((r) => r.place[1]),
  rows.map((r) => r.category),
  rows.map((r) => r.cells[0]),
  rows.map((r) => r.cells[1]),
  rows.map((r) => r.cells[2]),
];

/** One statement on a source table: a batch upserted, a row deleted, or columns changed. */
type Statement = { sql: string; params: unknown[] };
const statement: fc.Arbitrary<Statement> = fc.oneof(
  fc.array(row, { minLength: 1, maxLength: 3 }).map((rows) => ({
    sql: `insert into analytics.case_projection (incident_id, status, grid_code, unit_path, category_code, h3r7, h3r8, h3r9, urgency, source, card,
            reported_at, closed_at, warnings, yellow_cards, red_cards, returns, reworks, extensions, last_event_at)
          select distinct on (i) i, 'closed', coalesce(g, 'g'), p::text[], c, c7, c8, c9, 'normal', 'patrol', 'none', rp, cl, 0, 0, 0, 0, 0, 0, now()
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[]) as r(i, p, g, c, c7, c8, c9, rp, cl)
          on conflict (incident_id) do update set unit_path = excluded.unit_path, grid_code = excluded.grid_code, category_code = excluded.category_code,
            h3r7 = excluded.h3r7, h3r8 = excluded.h3r8, h3r9 = excluded.h3r9, reported_at = excluded.reported_at, closed_at = excluded.closed_at`,
    params: [...columns(rows), rows.map((r) => r.reported), rows.map((r) => r.closed)],
  })),
  fc.array(row, { minLength: 1, maxLength: 3 }).map((rows) => ({
    sql: `insert into analytics.appeal_projection (appeal_id, status, channel, type, urgency, unit_path, grid_code, category_code, h3r7, h3r8, h3r9,
            received_at, reopen_count, return_count, extension_count, last_event_at)
          select distinct on (i) i, 'received', 'phone', 'complaint', 'normal', p::text[], g, nullif(c, 'NOISE'), c7, c8, c9, rc, 0, 0, 0, now()
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[]) as r(i, p, g, c, c7, c8, c9, rc)
          on conflict (appeal_id) do update set unit_path = excluded.unit_path, grid_code = excluded.grid_code, category_code = excluded.category_code,
            h3r7 = excluded.h3r7, h3r8 = excluded.h3r8, h3r9 = excluded.h3r9, received_at = excluded.received_at`,
    params: [...columns(rows), rows.map((r) => r.received)],
  })),
  fc.record({ table: fc.constantFrom(['case_projection', 'incident_id'], ['appeal_projection', 'appeal_id']), id: fc.constantFrom('a', 'b', 'c', 'd') }).map(({ table, id }) => ({
    sql: `delete from analytics.${table[0]} where ${table[1]} = $1`,
    params: [id],
  })),
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), at: instant, category: fc.constantFrom('ROAD', 'NOISE') }).map(({ id, at, category }) => ({
    sql: `update analytics.case_projection set closed_at = $2, category_code = $3 where incident_id = $1`,
    params: [id, at, category],
  })),
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), place: fc.constantFrom(...PLACES) }).map(({ id, place }) => ({
    sql: `update analytics.appeal_projection set unit_path = $2::text[], grid_code = $3 where appeal_id = $1`,
    params: [id, place[0], place[1]],
  })),
  fc.constantFrom('case_projection', 'appeal_projection').map((table) => ({
    // Only columns no roll-up reads: nothing to move.
    sql: `update analytics.${table} set last_event_at = now(), status = 'closed'`,
    params: [],
  })),
);

describe('hot-spot roll-ups kept by statement triggers', () => {
  let t: AnalyticsUnderTest;

  beforeAll(async () => {
    t = await startAnalyticsUnderTest();
  });
  afterAll(async () => {
    await t?.close();
  });

  const truncate = () => t.db.query(`truncate ${['case_projection', 'appeal_projection', ...ROLLUPS.map((r) => r.table)].map((x) => `analytics.${x}`).join(', ')}`);

  it('always hold what rolling up the case and appeal projections afresh gives, whatever was inserted, upserted, changed or deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 12 }), async (statements) => {
        await truncate();
        for (const s of statements) await t.db.query(s.sql, s.params);
        expect(await rollupDifferences(t.db, ROLLUPS)).toEqual(noDifferences(ROLLUPS));
      }),
      { numRuns: 40 },
    );
  });

  it('sum over any period, in the pieces of its grains, to what counting the rows of the period gives', async () => {
    const day = fc.constantFrom('2025-12-01', '2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01', '2026-11-30', '2026-12-01');
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 8 }), day, day, day, async (statements, a, b, today) => {
        await truncate();
        for (const s of statements) await t.db.query(s.sql, s.params);
        const [from, to] = a <= b ? [a, b] : [b, a];
        const rows = grainedRows('analytics.spot_case_hex9', grainPieces(from, to, today));
        let n = 0;
        const { rows: summed } = await t.db.query(
          `select cell, category, sum(p.sign * t.n)::int as n from ${rows.sql} where unit = 'S' group by 1, 2 having sum(p.sign * t.n) <> 0 order by 1, 2`.replace(/\?/g, () => `$${++n}`),
          rows.params,
        );
        const { rows: counted } = await t.db.query(
          `select h3r9 as cell, category_code as category, count(*)::int as n from analytics.case_projection
            where unit_path[1] = 'S' and reported_at >= ($1::date)::timestamp at time zone 'Asia/Shanghai' and reported_at < ($2::date)::timestamp at time zone 'Asia/Shanghai'
            group by 1, 2 order by 1, 2`,
          [from, to],
        );
        expect(summed).toEqual(counted);
      }),
      { numRuns: 40 },
    );
  });
});
