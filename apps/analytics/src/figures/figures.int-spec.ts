import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { buildCloudEvent, withPrefix, type CloudEvent, type EventDefinition } from '@gridline/messaging';
import { AnalyticsClient, AnalyticsErrorCode } from '@gridline/contracts-analytics';
import { HOTLINE_EVENTS, type OwnerFigures } from '@gridline/contracts-hotline';
import { INCIDENTS_EVENTS, type IncidentEventData, type IncidentOwner, type IncidentStep } from '@gridline/contracts-incidents';
import { REGISTRY_EVENTS, type UnitLevel } from '@gridline/contracts-registry';
import { TEST_SERVERS, TestPlatform, eventually } from '@gridline/testing';
import { AnalyticsAppModule } from '../analytics-app.module';
import { AnalyticsConfig } from '../analytics.config';

const STREET = '370502003';
const C1 = '370502003001';
const C2 = '370502003002';
const G11 = '370502003001001';
const G21 = '370502003002001';
const G11_PATH = [STREET, C1, G11];
const ANALYST: Caller = { sub: 'analyst-1', roles: ['analyst'], units: [STREET] };
const C2_ADMIN: Caller = { sub: 'c2-1', roles: ['community_admin'], units: [C2] };
const URBAN: Caller = { sub: 'urban-1', roles: ['department'], units: ['URBAN_MGMT'] };
const DEPT: IncidentOwner = { kind: 'department', departmentCode: 'URBAN_MGMT' };
const GRID: IncidentOwner = { kind: 'unit', unitCode: G11, level: 'grid' };

type Published = CloudEvent & { on: string };
function event<T>(definition: EventDefinition<T>, aggregateId: string, data: T): Published {
  return { ...buildCloudEvent(definition, aggregateId, data, { correlationId: `c-${aggregateId}` }), on: definition.subject };
}

/** China time: `day` of the month (`10-30` for October), `time` HH:MM. */
const cst = (day: string, time: string) => new Date(`2026-${day.includes('-') ? day : `11-${day}`}T${time}:00+08:00`).toISOString();
const due = (step: IncidentStep, day: string, time: string) => ({ step, dueAt: cst(day, time) });
const card = (c: 'warning' | 'yellow' | 'red', at: string) => ({ supervision: { card: c, supervisorUnitCode: C1, since: at } });

/** One incident event as incidents publishes it: the case's state after the transition. */
function incident(id: string, name: keyof typeof INCIDENTS_EVENTS, at: string, data: Partial<IncidentEventData> = {}, path = G11_PATH): Published {
  const definition = INCIDENTS_EVENTS[name] as EventDefinition<IncidentEventData>;
  return event(definition, id, {
    incidentId: id, status: 'reported', categoryCode: 'ROAD', gridCode: path.at(-1)!, path, urgency: 'normal', source: 'patrol', owner: null, step: null,
    dueAt: null, supervision: { card: 'none', supervisorUnitCode: null, since: null }, reworkCount: 0, appealRef: null, appealHandoff: null, result: null,
    resolution: null, rating: null, actor: 'u', at, comment: null, ...data,
  });
}

/** A: every step, the dispatch late, the handling extended then reworked and late, closed and rated 4 — owned by URBAN_MGMT. */
const A = [
  incident('A', 'reported', cst('02', '09:00'), due('accept', '02', '17:30')),
  incident('A', 'accepted', cst('02', '10:00'), { status: 'accepted', ...due('dispatch', '02', '11:00') }),
  incident('A', 'dispatched', cst('02', '11:30'), { status: 'dispatched', owner: DEPT, ...due('sign', '03', '11:30') }),
  incident('A', 'signed', cst('02', '14:00'), { status: 'in_progress', owner: DEPT, ...due('handle', '03', '12:00') }),
  incident('A', 'supervised', cst('03', '09:00'), { status: 'in_progress', owner: DEPT, ...due('handle', '03', '12:00'), ...card('warning', cst('03', '09:00')) }),
  incident('A', 'extended', cst('03', '10:00'), { status: 'in_progress', owner: DEPT, ...due('handle', '04', '12:00') }),
  incident('A', 'handled', cst('04', '09:00'), { status: 'handled', owner: DEPT, ...due('verify', '05', '09:00') }),
  incident('A', 'reworked', cst('04', '10:00'), { status: 'in_progress', owner: DEPT, reworkCount: 1, ...due('handle', '04', '11:00') }),
  incident('A', 'overdue', cst('04', '11:00'), { status: 'in_progress', owner: DEPT, reworkCount: 1, ...due('handle', '04', '11:00'), ...card('yellow', cst('04', '11:00')) }),
  incident('A', 'handled', cst('04', '15:00'), { status: 'handled', owner: DEPT, reworkCount: 1, ...due('verify', '05', '15:00') }),
  incident('A', 'verified', cst('04', '16:00'), { status: 'closed', owner: DEPT, reworkCount: 1 }),
  incident('A', 'closed', cst('04', '16:00'), { status: 'closed', owner: DEPT, reworkCount: 1 }),
  incident('A', 'evaluated', cst('05', '09:00'), { status: 'evaluated', owner: DEPT, reworkCount: 1, rating: 4 }),
];
/** B: never accepted, three cards; open and overdue at the end of November. */
const B = [
  incident('B', 'reported', cst('02', '09:00'), due('accept', '02', '17:30')),
  incident('B', 'supervised', cst('02', '15:00'), { ...due('accept', '02', '17:30'), ...card('warning', cst('02', '15:00')) }),
  incident('B', 'overdue', cst('02', '17:30'), { ...due('accept', '02', '17:30'), ...card('yellow', cst('02', '17:30')) }),
  incident('B', 'escalated', cst('03', '12:00'), { ...due('accept', '02', '17:30'), ...card('red', cst('03', '12:00')) }),
];
/** C: rejected in time. */
const C = [incident('C', 'reported', cst('03', '09:00'), due('accept', '03', '17:30')), incident('C', 'rejected', cst('03', '10:00'), { status: 'rejected' })];
/** D: another community's case. */
const D = [incident('D', 'reported', cst('03', '09:00'), due('accept', '03', '17:30'), [STREET, C2, G21])];
/** E: reported and dispatched to the grid in October (Friday 30th), closed in November. */
const E = [
  incident('E', 'reported', cst('10-30', '10:00'), due('accept', '10-30', '17:30')),
  incident('E', 'accepted', cst('10-30', '11:00'), { status: 'accepted', ...due('dispatch', '10-30', '17:00') }),
  incident('E', 'dispatched', cst('10-30', '12:00'), { status: 'dispatched', owner: GRID, ...due('sign', '02', '12:00') }),
  incident('E', 'signed', cst('02', '09:00'), { status: 'in_progress', owner: GRID, ...due('handle', '06', '12:00') }),
  incident('E', 'handled', cst('03', '10:00'), { status: 'handled', owner: GRID, ...due('verify', '04', '10:00') }),
  incident('E', 'verified', cst('03', '11:00'), { status: 'closed', owner: GRID }),
  incident('E', 'closed', cst('03', '11:00'), { status: 'closed', owner: GRID }),
];
const ALL = [...A, ...B, ...C, ...D, ...E];

const figuresOf = (owner: string, appeals: number): OwnerFigures => ({
  owner, ownerName: null, appeals, responseRate: 0.5, resolutionRate: 1, satisfactionRate: 0.667, onTimeRate: 0.75, returnRate: 0.25, reopenRate: 0, extensionRate: null,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('figures by scope and period from incidents’ events', () => {
  let platform: TestPlatform;
  let analytics: AnalyticsClient;
  let nc: NatsConnection;
  let db: Client;
  const publish = async ({ on, ...e }: Published, msgID = e.id) => {
    await nc.jetstream().publish(withPrefix(platform.prefix, on), Buffer.from(JSON.stringify(e)), { msgID });
  };
  const unit = (code: string, level: UnitLevel, path: string[]) =>
    event(REGISTRY_EVENTS.unitCreated, code, { unit: { code, name: `name-${code}`, level, kind: null, parentCode: path.at(-2) ?? null, path, active: true, hasBoundary: false } });
  const hotlineFigures = (owner: string, appeals: number) =>
    event(HOTLINE_EVENTS.figuresUpdated, owner, { owner, from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', figures: figuresOf(owner, appeals), at: '2026-11-30T16:00:00.000Z' });

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config));
    analytics = new AnalyticsClient(await platform.bus());
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    for (const u of [unit(STREET, 'street', [STREET]), unit(C1, 'community', [STREET, C1]), unit(C2, 'community', [STREET, C2]), unit(G11, 'grid', G11_PATH), unit(G21, 'grid', [STREET, C2, G21])]) await publish(u);
    await publish(hotlineFigures(C1, 4));
    await publish(hotlineFigures('URBAN_MGMT', 3));
    // Newest first, each twice: once again by the stream (same message id), once as a redelivery the inbox must catch.
    for (const e of [...ALL].reverse()) {
      await publish(e);
      await publish(e);
      await publish(e, `${e.id}-again`);
    }
    await eventually(async () => {
      expect(Number((await db.query(`select count(*) as n from analytics.case_event`)).rows[0].n)).toBe(ALL.length);
      expect(Number((await db.query(`select count(*) as n from analytics.inbox where event_id = any($1)`, [ALL.map((e) => e.id)])).rows[0].n)).toBe(ALL.length);
      expect((await db.query(`select 1 from analytics.hotline_owner_figures where owner in ($1, 'URBAN_MGMT')`, [C1])).rowCount).toBe(2);
      expect((await db.query(`select 1 from analytics.unit_projection`)).rowCount).toBe(5);
    }, { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await platform?.close();
  });

  it('keeps each case’s newest state and milestones, whatever order the events came in', async () => {
    const { rows } = await db.query(`select incident_id, status, owner_code, warnings, yellow_cards, red_cards, reworks, extensions, handling_hours::float as hours from analytics.case_projection order by incident_id`);
    expect(rows).toEqual([
      { incident_id: 'A', status: 'evaluated', owner_code: 'URBAN_MGMT', warnings: 1, yellow_cards: 1, red_cards: 0, reworks: 1, extensions: 1, hours: 19.5 },
      { incident_id: 'B', status: 'reported', owner_code: null, warnings: 1, yellow_cards: 1, red_cards: 1, reworks: 0, extensions: 0, hours: null },
      { incident_id: 'C', status: 'rejected', owner_code: null, warnings: 0, yellow_cards: 0, red_cards: 0, reworks: 0, extensions: 0, hours: null },
      { incident_id: 'D', status: 'reported', owner_code: null, warnings: 0, yellow_cards: 0, red_cards: 0, reworks: 0, extensions: 0, hours: null },
      { incident_id: 'E', status: 'closed', owner_code: G11, warnings: 0, yellow_cards: 0, red_cards: 0, reworks: 0, extensions: 0, hours: 15 },
    ]);
  });

  it('answers a community’s figures over November with October beside them', async () => {
    const view = await analytics.figures(ANALYST, { unit: C1, from: '2026-11-01', to: '2026-11-30' });
    expect(view.scope).toEqual({ kind: 'unit', code: C1, name: `name-${C1}`, level: 'community' });
    expect(view.current).toMatchObject({ kind: 'range', from: '2026-11-01', to: '2026-11-30' });
    const r = (numerator: number, denominator: number, rate: number | null) => ({ numerator, denominator, rate });
    expect(view.current.cases).toEqual({
      reported: 3, accepted: 1, rejected: 1, closed: 2, open: 1, overdue: 1,
      onTime: { accept: r(2, 3, 0.667), dispatch: r(0, 1, 0), sign: r(2, 2, 1), handle: r(2, 3, 0.667), verify: r(3, 3, 1) },
      warnings: 2, yellowCards: 2, redCards: 1,
      returnRate: r(0, 2, 0), reworkRate: r(1, 2, 0.5), extensionRate: r(1, 2, 0.5),
      handlingHours: { cases: 2, mean: 17.3, p90: 19.1 },
      evaluations: { count: 1, meanRating: 4, satisfied: r(1, 1, 1) },
    });
    expect(view.previous).toMatchObject({ kind: 'range', from: '2026-10-02', to: '2026-10-31', cases: { reported: 1, accepted: 1, closed: 0, open: 1, overdue: 0 } });
    expect(view.previous.cases.onTime.accept).toEqual(r(1, 1, 1));
  });

  it('counts a grid as its community does, the street with the other community’s case, and by calendar period', async () => {
    expect((await analytics.figures(ANALYST, { unit: G11, period: 'month', from: '2026-11-15' })).current.cases).toMatchObject({ reported: 3, closed: 2, open: 1 });
    const street = await analytics.figures(ANALYST, { unit: STREET, period: 'month', from: '2026-11-15' });
    expect(street.current).toMatchObject({ kind: 'month', from: '2026-11-01', to: '2026-11-30', cases: { reported: 4, open: 2, overdue: 2 } });
    expect(street.previous).toMatchObject({ kind: 'month', from: '2026-10-01', to: '2026-10-31' });
    const day = await analytics.figures(ANALYST, { unit: C1, period: 'day', from: '2026-11-02' });
    expect(day.current.cases).toMatchObject({ reported: 2, accepted: 1, closed: 0, warnings: 1, yellowCards: 1 });
  });

  it('answers the hotline’s figures of the unit and the department exactly as the hotline published them', async () => {
    const unitView = await analytics.figures(ANALYST, { unit: C1, from: '2026-11-01', to: '2026-11-30' });
    const { owners } = await analytics.hotlineFigures(ANALYST);
    expect(unitView.hotline).toEqual(owners.find((o) => o.owner === C1));
    expect(unitView.hotline).toMatchObject({ ...figuresOf(C1, 4), from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    const deptView = await analytics.figures(ANALYST, { department: 'URBAN_MGMT', from: '2026-11-01', to: '2026-11-30' });
    expect(deptView.hotline).toMatchObject(figuresOf('URBAN_MGMT', 3));
    expect(unitView.collection).toMatchObject({ grids: 0 });
  });

  it('answers a department’s figures of the cases it owned, to its own handlers and readers', async () => {
    const view = await analytics.figures(URBAN, { from: '2026-11-01', to: '2026-11-30' });
    expect(view.scope).toEqual({ kind: 'department', code: 'URBAN_MGMT', name: null });
    expect(view.current.cases).toMatchObject({ reported: 0, closed: 1, open: 0, reworkRate: { numerator: 1, denominator: 1 }, handlingHours: { cases: 1, mean: 19.5 } });
    expect(view.current.cases.onTime).toMatchObject({ sign: { numerator: 1, denominator: 1 }, handle: { numerator: 1, denominator: 2 }, verify: { numerator: 2, denominator: 2 } });
    expect(view.party).toBeNull();
    expect((await analytics.figures(ANALYST, { department: 'URBAN_MGMT', from: '2026-11-01', to: '2026-11-30' })).current.cases.closed).toBe(1);
  });

  it('answers a unit outside the scope as unknown, another department as unknown to a department’s handler, and refuses other roles', async () => {
    for (const unit of [C1, G11, STREET, '370502003099']) {
      expect(await refusal(analytics.figures(C2_ADMIN, { unit }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
    }
    expect(await refusal(analytics.figures(URBAN, { department: 'ECOLOGY' }))).toMatchObject({ code: AnalyticsErrorCode.DepartmentNotFound, kind: 'not_found' });
    expect(await refusal(analytics.figures(URBAN, { unit: C1 }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound });
    expect(await refusal(analytics.figures({ sub: 's', roles: ['grid_staff'], units: [G11] }, { unit: G11 }))).toMatchObject({ kind: 'forbidden' });
    expect(await refusal(analytics.figures(ANALYST, { unit: C1, department: 'URBAN_MGMT' }))).toMatchObject({ code: AnalyticsErrorCode.Invalid });
  });
});
