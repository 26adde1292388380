import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { type EventDefinition } from '@gridline/messaging';
import { AnalyticsClient, AnalyticsErrorCode, type RankingRowView } from '@gridline/contracts-analytics';
import { HOTLINE_EVENTS, type AppealEventData } from '@gridline/contracts-hotline';
import { INCIDENTS_EVENTS, type IncidentEventData, type IncidentOwner, type IncidentStep } from '@gridline/contracts-incidents';
import { REGISTRY_EVENTS } from '@gridline/contracts-registry';
import { eventually } from '@gridline/testing';
import { event, refusal, startAnalyticsUnderTest, unitCreated, type AnalyticsUnderTest, type Published } from '../testing/analytics-under-test';

const STREET = '370502005';
const C1 = '370502005001';
const C2 = '370502005002';
const G11 = '370502005001001';
const G12 = '370502005001002';
const G13 = '370502005001003';
const G21 = '370502005002001';
const PATHS: Record<string, string[]> = { [G11]: [STREET, C1, G11], [G12]: [STREET, C1, G12], [G13]: [STREET, C1, G13], [G21]: [STREET, C2, G21] };
const ANALYST: Caller = { sub: 'analyst-1', roles: ['analyst'], units: [STREET] };
const STREET_ADMIN: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
const OTHER_STREET_ADMIN: Caller = { sub: 'street-2', roles: ['street_admin'], units: ['370502009'] };
const C1_ADMIN: Caller = { sub: 'c1-1', roles: ['community_admin'], units: [C1] };
const URBAN: Caller = { sub: 'urban-1', roles: ['department'], units: ['URBAN_MGMT'] };
const DEPT: IncidentOwner = { kind: 'department', departmentCode: 'URBAN_MGMT' };
const ownGrid = (grid: string): IncidentOwner => ({ kind: 'unit', unitCode: grid, level: 'grid' });


/** China time: `day` of November (`10-30` for October), `time` HH:MM. */
const cst = (day: string, time: string) => new Date(`2026-${day.includes('-') ? day : `11-${day}`}T${time}:00+08:00`).toISOString();
const due = (step: IncidentStep, day: string, time: string) => ({ step, dueAt: cst(day, time) });

function incident(id: string, name: keyof typeof INCIDENTS_EVENTS, at: string, grid: string, data: Partial<IncidentEventData> = {}): Published {
  const definition = INCIDENTS_EVENTS[name] as EventDefinition<IncidentEventData>;
  return event(definition, id, {
    incidentId: id, status: 'reported', categoryCode: 'ROAD', gridCode: grid, path: PATHS[grid], urgency: 'normal', source: 'patrol', owner: null, step: null,
    dueAt: null, supervision: { card: 'none', supervisorUnitCode: null, since: null }, reworkCount: 0, appealRef: null, appealHandoff: null, result: null,
    resolution: null, rating: null, actor: 'u', at, comment: null, ...data,
  });
}

/** A whole case on time, closed and rated `rating`, owned by `owner` from the dispatch; on `day` (November's, or `10-dd`). */
function smooth(id: string, grid: string, owner: IncidentOwner, day: string, rating: number): Published[] {
  const next = day.includes('-') ? `${day.slice(0, 3)}${String(Number(day.slice(3)) + 1).padStart(2, '0')}` : String(Number(day) + 1).padStart(2, '0');
  return [
    incident(id, 'reported', cst(day, '09:00'), grid, due('accept', day, '17:30')),
    incident(id, 'accepted', cst(day, '10:00'), grid, { status: 'accepted', ...due('dispatch', day, '11:00') }),
    incident(id, 'dispatched', cst(day, '10:30'), grid, { status: 'dispatched', owner, ...due('sign', next, '11:30') }),
    incident(id, 'signed', cst(day, '14:00'), grid, { status: 'in_progress', owner, ...due('handle', next, '12:00') }),
    incident(id, 'handled', cst(next, '09:00'), grid, { status: 'handled', owner, ...due('verify', next, '17:00') }),
    incident(id, 'verified', cst(next, '10:00'), grid, { status: 'closed', owner }),
    incident(id, 'closed', cst(next, '10:00'), grid, { status: 'closed', owner }),
    incident(id, 'evaluated', cst(next, '11:00'), grid, { status: 'evaluated', owner, rating }),
  ];
}

/** A: G11, every step on time, closed and rated 5 — dispatched to URBAN_MGMT. */
const A = smooth('A', G11, DEPT, '02', 5);
/** B: G12, accepted late, reworked once and handled late again, closed and rated 3 — the grid's own. */
const GB = ownGrid(G12);
const B = [
  incident('B', 'reported', cst('05', '09:00'), G12, due('accept', '05', '10:00')),
  incident('B', 'accepted', cst('05', '12:00'), G12, { status: 'accepted', ...due('dispatch', '05', '13:00') }),
  incident('B', 'dispatched', cst('05', '12:30'), G12, { status: 'dispatched', owner: GB, ...due('sign', '06', '11:30') }),
  incident('B', 'signed', cst('05', '14:00'), G12, { status: 'in_progress', owner: GB, ...due('handle', '06', '12:00') }),
  incident('B', 'handled', cst('06', '09:00'), G12, { status: 'handled', owner: GB, ...due('verify', '07', '09:00') }),
  incident('B', 'reworked', cst('06', '10:00'), G12, { status: 'in_progress', owner: GB, reworkCount: 1, ...due('handle', '06', '11:00') }),
  incident('B', 'handled', cst('06', '15:00'), G12, { status: 'handled', owner: GB, reworkCount: 1, ...due('verify', '07', '15:00') }),
  incident('B', 'verified', cst('06', '16:00'), G12, { status: 'closed', owner: GB, reworkCount: 1 }),
  incident('B', 'closed', cst('06', '16:00'), G12, { status: 'closed', owner: GB, reworkCount: 1 }),
  incident('B', 'evaluated', cst('07', '09:00'), G12, { status: 'evaluated', owner: GB, reworkCount: 1, rating: 3 }),
];
/** D: G21, accepted in time, then never dispatched (the dispatch late at its due time) and still open. */
const D = [
  incident('D', 'reported', cst('10', '09:00'), G21, due('accept', '10', '17:30')),
  incident('D', 'accepted', cst('10', '10:00'), G21, { status: 'accepted', ...due('dispatch', '10', '11:00') }),
];
/** E: G21 in October, all on time, closed and rated 5: the community and the grid led in October. */
const E = smooth('E', G21, ownGrid(G21), '10-20', 5);
const ALL = [...A, ...B, ...D, ...E];

/** A 12345 appeal closed on `day` of November at `path` (its place), led by `lead`, with the caller's satisfaction. */
function closedAppeal(id: string, path: string[], lead: AppealEventData['lead'], satisfaction: AppealEventData['satisfaction'], day: string): Published {
  const definition = HOTLINE_EVENTS.closed as EventDefinition<AppealEventData>;
  return event(definition, id, {
    appealId: id, status: 'closed', channel: 'phone', type: 'complaint', categoryCode: 'ROAD', gridCode: path.length > 1 ? path.at(-1)! : null, path, urgency: 'general',
    lead, coOwners: [], summary: '路面坑洼', location: null, receivedAt: cst(day, '08:00'), dispatchedAt: cst(day, '08:30'), signDueAt: cst(day, '10:00'), signedAt: cst(day, '09:00'),
    answerDueAt: cst(day, '17:00'), answeredAt: cst(day, '11:00'), resolution: 'resolved', satisfaction, reopenCount: 0, returnCount: 0, extensionCount: 0, handoff: null,
    review: null, actor: 'operator-1', at: cst(day, '15:00'),
  });
}
const gridLead = (grid: string) => ({ kind: 'unit' as const, unitCode: grid, level: 'grid' as const });
/** AP1 at G13 (no cases) satisfied; AP2 at G12 led by URBAN_MGMT dissatisfied; AP3 at G11 not reached; AP4 not located (the street) satisfied. */
const APPEALS = [
  closedAppeal('AP1', PATHS[G13], gridLead(G13), 'satisfied', '08'),
  closedAppeal('AP2', PATHS[G12], DEPT, 'dissatisfied', '09'),
  closedAppeal('AP3', PATHS[G11], gridLead(G11), 'not_reached', '09'),
  closedAppeal('AP4', [STREET], { kind: 'unit', unitCode: STREET, level: 'street' }, 'satisfied', '10'),
];
const NOV = { period: 'month' as const, from: '2026-11-01' };

const row = (rows: RankingRowView[], code: string) => rows.find((r) => r.code === code)!;
const order = (rows: RankingRowView[]) => rows.map((r) => [r.code, r.rank, r.score]);

describe('rankings from incidents’ events', () => {
  let harness: AnalyticsUnderTest;
  let analytics: AnalyticsClient;
  let db: Client;
  const publish = (e: Published) => harness.publish(e);
  const unit = unitCreated;
  const department = (code: string, name: string) =>
    event(REGISTRY_EVENTS.departmentChanged, code, { department: { code, name, contact: null, active: true, updatedAt: '2026-10-01T00:00:00.000Z' } });

  beforeAll(async () => {
    harness = await startAnalyticsUnderTest();
    ({ analytics, db } = harness);
    const units = [unit(STREET, 'street', [STREET]), unit(C1, 'community', [STREET, C1]), unit(C2, 'community', [STREET, C2]), ...Object.entries(PATHS).map(([g, p]) => unit(g, 'grid', p))];
    for (const e of [...units, department('URBAN_MGMT', '城管办'), department('ECOLOGY', '生态办'), ...ALL]) await publish(e);
    await eventually(async () => {
      expect(Number((await db.query(`select count(*) as n from analytics.case_event`)).rows[0].n)).toBe(ALL.length);
      expect((await db.query(`select 1 from analytics.unit_projection`)).rowCount).toBe(units.length);
      expect((await db.query(`select 1 from analytics.registry_unit`)).rowCount).toBe(units.length);
      expect((await db.query(`select 1 from analytics.registry_department`)).rowCount).toBe(2);
    }, { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('ranks the grids of the street by the default weights, with each part, the October rank and the movement', async () => {
    const view = await analytics.rankings(ANALYST, { unit: STREET, level: 'grid', ...NOV });
    expect(view).toMatchObject({ unit: { code: STREET, name: `name-${STREET}`, level: 'street' }, level: 'grid', current: { from: '2026-11-01', to: '2026-11-30' }, previous: { from: '2026-10-01', to: '2026-10-31' } });
    expect(view.weights).toMatchObject({ street: STREET, source: 'default', normalised: { onTime: 0.3, resolution: 0.3, satisfaction: 0.2, rework: 0.2 } });
    // B: 5 of 7 steps on time (accept and the second handling late), closed, rated 3, reworked: 30 × 5/7 + 30.
    // D: accept on time, dispatch late and open (1/2), accepted not closed (0/1); no evaluation nor closure — its 0.6 renormalised.
    expect(order(view.rows)).toEqual([
      [G11, 1, 100],
      [G12, 2, 51.43],
      [G21, 3, 25],
      [G13, null, null],
    ]);
    expect(view.ranked).toBe(3);
    expect(row(view.rows, G12)).toMatchObject({
      name: `name-${G12}`,
      level: 'grid',
      status: 'ranked',
      volume: 1,
      parts: {
        onTime: { numerator: 5, denominator: 7, rate: 0.714, weight: 0.3, contribution: 21.43 },
        resolution: { numerator: 1, denominator: 1, rate: 1, weight: 0.3, contribution: 30 },
        satisfaction: { numerator: 0, denominator: 1, rate: 0, weight: 0.2, contribution: 0 },
        rework: { numerator: 0, denominator: 1, rate: 0, weight: 0.2, contribution: 0 },
      },
    });
    expect(row(view.rows, G21)).toMatchObject({ previousRank: 1, movement: -2, parts: { onTime: { weight: 0.5, contribution: 25 }, satisfaction: { rate: null, weight: null } } });
    expect(row(view.rows, G11)).toMatchObject({ previousRank: null, movement: null });
    expect(row(view.rows, G13)).toMatchObject({ status: 'no_data', volume: 0, previousRank: null });
  });

  it('ranks the communities of the street by default, one grouped sum of their grids', async () => {
    const view = await analytics.rankings(ANALYST, NOV);
    expect(view.level).toBe('community');
    // C1 = A + B: 10/12 on time, 2/2 resolved, 1/2 satisfied, 1/2 not reworked.
    expect(order(view.rows)).toEqual([
      [C1, 1, 75],
      [C2, 2, 25],
    ]);
    expect(row(view.rows, C1).parts.onTime).toMatchObject({ numerator: 10, denominator: 12 });
    expect(row(view.rows, C2)).toMatchObject({ previousRank: 1, movement: -1 });
    // A community's centre ranks its own grids (default level beneath a community: grid).
    const grids = await analytics.rankings(C1_ADMIN, NOV);
    expect(grids).toMatchObject({ unit: { code: C1 }, level: 'grid' });
    expect(order(grids.rows)).toEqual([
      [G11, 1, 100],
      [G12, 2, 51.43],
      [G13, null, null],
    ]);
  });

  it('ranks the departments over the street’s cases; a department’s handler sees only their own row', async () => {
    const view = await analytics.rankings(ANALYST, { unit: STREET, level: 'department', ...NOV });
    // URBAN_MGMT owned A from its dispatch: sign, handle, verify on time; accepted and closed; rated 5.
    expect(order(view.rows)).toEqual([
      ['URBAN_MGMT', 1, 100],
      ['ECOLOGY', null, null],
    ]);
    expect(row(view.rows, 'URBAN_MGMT')).toMatchObject({ name: '城管办', level: 'department', volume: 1, parts: { onTime: { numerator: 3, denominator: 3 } } });
    const own = await analytics.rankings(URBAN, NOV);
    expect(own).toMatchObject({ unit: null, level: 'department', ranked: 1, weights: { source: 'default', street: null } });
    expect(own.rows.map((r) => r.code)).toEqual(['URBAN_MGMT']);
    expect((await refusal(analytics.rankings(URBAN, { unit: STREET }))).code).toBe(AnalyticsErrorCode.UnitNotFound);
  });

  it('answers a unit out of scope 404, another role 403, a level that does not fit 400 naming level', async () => {
    for (const unit of [STREET, C2, G21, '370502005099']) expect(await refusal(analytics.rankings(C1_ADMIN, { unit }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
    expect(await refusal(analytics.rankings({ sub: 's', roles: ['grid_staff'], units: [G11] }, { unit: G11 }))).toMatchObject({ kind: 'forbidden' });
    const community = await refusal(analytics.rankings(C1_ADMIN, { unit: C1, level: 'community' }));
    expect(community).toMatchObject({ code: AnalyticsErrorCode.Invalid, details: { fields: [expect.objectContaining({ field: 'level' })] } });
    expect((await refusal(analytics.rankings(ANALYST, { unit: G11, level: 'grid' }))).details).toMatchObject({ fields: [expect.objectContaining({ field: 'level' })] });
  });

  it('sets a street’s weights (its street admin), audited, and ranks by them; refuses others and bad weights', async () => {
    expect((await refusal(analytics.setRankingWeights(OTHER_STREET_ADMIN, STREET, { onTime: 1, resolution: 1, satisfaction: 1, rework: 1 }))).kind).toBe('forbidden');
    expect((await refusal(analytics.setRankingWeights(ANALYST, STREET, { onTime: 1, resolution: 1, satisfaction: 1, rework: 1 }))).kind).toBe('forbidden');
    const zero = await refusal(analytics.setRankingWeights(STREET_ADMIN, STREET, { onTime: 0, resolution: 0, satisfaction: 0, rework: 0 }));
    expect(zero).toMatchObject({ kind: 'validation', details: { fields: expect.arrayContaining([expect.objectContaining({ field: 'onTime' }), expect.objectContaining({ field: 'rework' })]) } });
    const negative = await refusal(analytics.setRankingWeights(STREET_ADMIN, STREET, { onTime: 1, resolution: -1, satisfaction: 1, rework: 1 }));
    expect(JSON.stringify(negative.details)).toContain('resolution');
    expect(await db.query(`select 1 from analytics.ranking_weights`)).toMatchObject({ rowCount: 0 });

    const set = await analytics.setRankingWeights(STREET_ADMIN, undefined, { onTime: 0, resolution: 0, satisfaction: 2, rework: 0 });
    expect(set).toMatchObject({ street: STREET, source: 'street', weights: { satisfaction: 2 }, normalised: { onTime: 0, satisfaction: 1 }, updatedBy: 'street-1' });
    await analytics.setRankingWeights(STREET_ADMIN, STREET, { onTime: 0, resolution: 0, satisfaction: 2, rework: 0 });
    const { rows: audit } = await db.query(`select street, actor, actor_roles, previous, weights from analytics.ranking_weights_change`);
    // The same weights again change nothing: one audit row.
    expect(audit).toEqual([{ street: STREET, actor: 'street-1', actor_roles: ['street_admin'], previous: null, weights: { onTime: 0, resolution: 0, satisfaction: 2, rework: 0 } }]);
    expect(await analytics.rankingWeights(C1_ADMIN, { street: STREET })).toMatchObject({ source: 'street', normalised: { satisfaction: 1 } });

    // Only satisfaction weighs: D has no evaluation, so no data.
    const view = await analytics.rankings(ANALYST, { unit: STREET, level: 'grid', ...NOV });
    expect(view.weights).toMatchObject({ source: 'street', normalised: { satisfaction: 1 } });
    expect(order(view.rows)).toEqual([
      [G11, 1, 100],
      [G12, 2, 0],
      [G13, null, null],
      [G21, null, null],
    ]);
    await analytics.setRankingWeights({ sub: 'admin-1', roles: ['admin'], units: [] }, STREET, { onTime: 3, resolution: 3, satisfaction: 2, rework: 2 });
    const { rows: changes } = await db.query(`select actor, previous from analytics.ranking_weights_change order by id`);
    expect(changes.map((c) => c.actor)).toEqual(['street-1', 'admin-1']);
    expect(changes[1].previous).toEqual({ onTime: 0, resolution: 0, satisfaction: 2, rework: 0 });
  });

  it('answers the street’s November league table with its totals and October’s', async () => {
    const league = await analytics.leagueTable(ANALYST, { unit: STREET, month: '2026-11' });
    expect(league).toMatchObject({ street: { code: STREET, name: `name-${STREET}` }, month: '2026-11', previousMonth: '2026-10' });
    expect(order(league.communities)).toEqual([
      [C1, 1, 75],
      [C2, 2, 25],
    ]);
    expect(league.grids.map((r) => r.code)).toEqual([G11, G12, G21, G13]);
    expect(league.departments.map((r) => [r.code, r.rank])).toEqual([
      ['URBAN_MGMT', 1],
      ['ECOLOGY', null],
    ]);
    // November: A + B + D — 11/14 steps on time, 2/3 accepted closed, 1/2 satisfied, 1/2 not reworked.
    expect(league.totals.current).toMatchObject({ period: { from: '2026-11-01', to: '2026-11-30' }, volume: 3, parts: { onTime: { numerator: 11, denominator: 14 }, resolution: { numerator: 2, denominator: 3 } } });
    // October: E alone, all good.
    expect(league.totals.previous).toMatchObject({ period: { from: '2026-10-01' }, score: 100, volume: 1 });
    expect((await refusal(analytics.leagueTable(ANALYST, { unit: C1, month: '2026-11' }))).details).toMatchObject({ fields: [expect.objectContaining({ field: 'unit' })] });
    expect((await refusal(analytics.leagueTable(C1_ADMIN, { unit: STREET }))).code).toBe(AnalyticsErrorCode.UnitNotFound);
  });

  it('counts the satisfaction of the 12345 appeals closed in the period beside the evaluations (last: it publishes appeals)', async () => {
    for (const e of APPEALS) await publish(e);
    await eventually(async () => expect((await db.query(`select 1 from analytics.appeal_projection where closed_at is not null`)).rowCount).toBe(APPEALS.length), { timeoutMs: 15_000 });
    const grids = await analytics.rankings(ANALYST, { unit: STREET, level: 'grid', ...NOV });
    // G13 has only AP1 (led by the grid): satisfaction 1/1 is its whole score; its volume 0 puts it after G11 at 100.
    // AP2 is URBAN_MGMT's (it leads it), AP3 is no rating: G12 and G11 keep their scores.
    expect(order(grids.rows)).toEqual([
      [G11, 1, 100],
      [G13, 2, 100],
      [G12, 3, 51.43],
      [G21, 4, 25],
    ]);
    expect(row(grids.rows, G13).parts.satisfaction).toMatchObject({ numerator: 1, denominator: 1, weight: 1 });
    expect(row(grids.rows, G11).parts.satisfaction).toMatchObject({ numerator: 1, denominator: 1 });
    const departments = await analytics.rankings(ANALYST, { unit: STREET, level: 'department', ...NOV });
    // A's evaluation (5) and AP2 (dissatisfied): 1/2 → 30 + 30 + 10 + 20.
    expect(row(departments.rows, 'URBAN_MGMT')).toMatchObject({ score: 90, parts: { satisfaction: { numerator: 1, denominator: 2 } } });
    expect((await analytics.rankings(URBAN, NOV)).rows[0]).toMatchObject({ code: 'URBAN_MGMT', score: 90 });
    // The street: A (5), B (3), AP1 and AP4 satisfied — the unlocated appeal counts in its street only.
    const league = await analytics.leagueTable(ANALYST, { unit: STREET, month: '2026-11' });
    expect(league.totals.current.parts.satisfaction).toMatchObject({ numerator: 3, denominator: 4 });
    expect(row(league.communities, C1).parts.satisfaction).toMatchObject({ numerator: 2, denominator: 3 });
  });
});
