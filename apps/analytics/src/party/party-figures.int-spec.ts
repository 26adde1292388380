import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { buildCloudEvent, withPrefix, type CloudEvent, type EventDefinition } from '@gridline/messaging';
import { AnalyticsClient, AnalyticsErrorCode } from '@gridline/contracts-analytics';
import { REGISTRY_EVENTS, type UnitLevel } from '@gridline/contracts-registry';
import { PARTY_BUILDING_EVENTS, type MemberEventData, type MemberStatus, type OrganisationEventData, type OrganisationLevel, type RegistrationState, type ServiceStatus } from '@gridline/contracts-party-building';
import { TEST_SERVERS, TestPlatform, eventually } from '@gridline/testing';
import { AnalyticsAppModule } from '../analytics-app.module';
import { AnalyticsConfig } from '../analytics.config';

const STREET = '370502003';
const C1 = '370502003001';
const C2 = '370502003002';
const G11 = '370502003001001';
const G12 = '370502003001002';
const EG1 = '370502003001101';
const G19 = '370502003001009';
const G21 = '370502003002001';
const ADMIN: Caller = { sub: 'admin-1', roles: ['admin'], units: [] };
const STREET_ADMIN: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [C1] };
const STAFF: Caller = { sub: 'staff-1', roles: ['grid_staff'], units: [G11] };

const T0 = Date.parse('2026-11-01T00:00:00Z');
/** An event as the publisher would have built it at `T0 + seconds`, with the subject it goes out on. */
function event<T>(definition: EventDefinition<T>, aggregateId: string, data: T, seconds: number): CloudEvent<T> & { on: string } {
  return { ...buildCloudEvent(definition, aggregateId, data, { correlationId: `c-${aggregateId}` }), time: new Date(T0 + seconds * 1000).toISOString(), on: definition.subject };
}

/** An organisation's created (or updated) event, as party building publishes it. */
function organisation(id: string, level: OrganisationLevel, unitPath: string[], active: boolean, seconds: number, created = true) {
  const data: OrganisationEventData = { organisationId: id, level, parentId: null, unitCode: unitPath[unitPath.length - 1], unitPath, active, changed: created ? [] : ['active'] };
  return event(created ? PARTY_BUILDING_EVENTS.organisationCreated : PARTY_BUILDING_EVENTS.organisationUpdated, id, data, seconds);
}

/** A member's event: created, updated or transferred, at the organisation's unit. */
function member(id: string, kind: 'Created' | 'Updated' | 'Transferred', unitPath: string[], status: MemberStatus, seconds: number) {
  const data: MemberEventData = { memberId: id, organisationId: `org-of-${unitPath.join('.')}`, unitPath, status, homeGridCode: G11, changed: kind === 'Created' ? [] : ['status'] };
  return event(PARTY_BUILDING_EVENTS[`member${kind}`], id, data, seconds);
}

const G11_PATH = [STREET, C1, G11];
const activityBase = (activityId: string, unitPath: string[]) => ({ activityId, organisationId: `org-of-${unitPath.join('.')}`, unitCode: unitPath[unitPath.length - 1], unitPath, kind: 'volunteer_service' as const, hours: 2 });
const scheduled = (id: string, unitPath: string[], startsAt: string, seconds: number) =>
  event(PARTY_BUILDING_EVENTS.activityScheduled, id, { ...activityBase(id, unitPath), startsAt, endsAt: startsAt, stationId: null, capacity: 30, audience: 'organisation' as const }, seconds);
const checkIn = (signUpId: string, activityId: string, unitPath: string[], attendedAt: string) =>
  event(PARTY_BUILDING_EVENTS.attendanceRecorded, activityId, { ...activityBase(activityId, unitPath), signUpId, memberId: `m-${signUpId}`, walkIn: false, attendedAt }, 0);
const service = (recordId: string, unitPath: string[], day: string, hours: number, status: ServiceStatus, seconds: number) => {
  const definition = { pending: PARTY_BUILDING_EVENTS.memberServiceRecorded, approved: PARTY_BUILDING_EVENTS.memberServiceApproved, rejected: PARTY_BUILDING_EVENTS.memberServiceRejected }[status];
  return event(definition, recordId, { recordId, memberId: 'm-1', organisationId: 'org', unitPath, kind: 'grid_task' as const, task: 'visit' as const, activityId: null, day, year: 2026, hours, points: hours, status }, seconds);
};

const registration = (id: string, state: RegistrationState, unitPath: string[], startsOn: string, endsOn: string | null, seconds: number) => {
  const definition = { submitted: PARTY_BUILDING_EVENTS.registrationSubmitted, approved: PARTY_BUILDING_EVENTS.registrationApproved, rejected: PARTY_BUILDING_EVENTS.registrationRejected, ended: PARTY_BUILDING_EVENTS.registrationEnded }[state];
  const grid = unitPath[unitPath.length - 1];
  return event(definition, id, { registrationId: id, memberId: `m-${id}`, state, communityCode: unitPath[1], gridCode: grid, unitPath, post: 'volunteer' as const, startsOn, endsOn }, seconds);
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('party figures from party building’s events', () => {
  let platform: TestPlatform;
  let analytics: AnalyticsClient;
  let nc: NatsConnection;
  let db: Client;
  let n = 0;
  const branch = organisation('b-11', 'branch', [STREET, C1, G11], true, 10);
  const publish = async ({ on, ...e }: CloudEvent & { on: string }, msgID = e.id) => {
    await nc.jetstream().publish(withPrefix(platform.prefix, on), Buffer.from(JSON.stringify(e)), { msgID });
  };
  const unit = (code: string, level: UnitLevel, path: string[], active = true) =>
    event(REGISTRY_EVENTS.unitCreated, code, { unit: { code, name: code, level, kind: level === 'exclusive_grid' ? 'commercial' : null, parentCode: path.at(-2) ?? null, path, active, hasBoundary: false } }, 0);
  /** A marker organisation's event, published last: once it is applied, everything published before it is. */
  const settle = async () => {
    const marker = organisation(`marker-${++n}`, 'party_group', [STREET, C2, G21], false, 0);
    await publish(marker);
    await eventually(async () => expect((await db.query(`select 1 from analytics.inbox where event_id = $1`, [marker.id])).rowCount).toBe(1), { timeoutMs: 10_000 });
  };

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config));
    analytics = new AnalyticsClient(await platform.bus());
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    for (const u of [
      unit(STREET, 'street', [STREET]),
      unit(C1, 'community', [STREET, C1]),
      unit(C2, 'community', [STREET, C2]),
      unit(G11, 'grid', [STREET, C1, G11]),
      unit(G12, 'grid', [STREET, C1, G12]),
      unit(EG1, 'exclusive_grid', [STREET, C1, EG1]),
      unit(G19, 'grid', [STREET, C1, G19], false),
      unit(G21, 'grid', [STREET, C2, G21]),
    ]) await publish(u);
    for (const e of [
      organisation('wc', 'working_committee', [STREET], true, 1),
      organisation('pc-1', 'party_committee', [STREET, C1], true, 2),
      branch,
      organisation('jb-1', 'joint_branch', [STREET, C1, EG1], true, 11),
      // A party group covers nothing; a branch of an inactive grid counts no grid.
      organisation('pg-12', 'party_group', [STREET, C1, G12], true, 12),
      organisation('b-19', 'branch', [STREET, C1, G19], true, 13),
      // Dissolved, the newer event arriving first: the older one changes nothing.
      organisation('b-21', 'branch', [STREET, C2, G21], false, 30, false),
      organisation('b-21', 'branch', [STREET, C2, G21], true, 14),
    ]) await publish(e);
    for (const e of [
      member('m-1', 'Created', [STREET, C1, G11], 'full', 20),
      member('m-2', 'Created', [STREET, C1, G11], 'probationary', 21),
      member('m-3', 'Created', [STREET, C1], 'full', 22),
      member('m-4', 'Created', [STREET], 'full', 23),
      // Transferred to the second community, then made full: the older update arrives last and changes nothing.
      member('m-2', 'Updated', [STREET, C2, G21], 'full', 41),
      member('m-2', 'Transferred', [STREET, C2, G21], 'probationary', 40),
    ]) await publish(e);
    const a1Reported = event(PARTY_BUILDING_EVENTS.activityReported, 'a-1', { ...activityBase('a-1', G11_PATH), signedUp: 3, attended: 2, noShows: 1, walkIns: 0 }, 60);
    for (const e of [
      // Reported before its schedule arrives: held on its start's day all the same.
      a1Reported,
      scheduled('a-1', G11_PATH, '2026-11-05T01:00:00.000Z', 50),
      // 00:30 on 1 December in China: December's.
      scheduled('a-2', [STREET, C1], '2026-11-30T16:30:00.000Z', 51),
      scheduled('a-3', [STREET, C2, G21], '2026-11-06T01:00:00.000Z', 52),
      event(PARTY_BUILDING_EVENTS.activityCancelled, 'a-3', { ...activityBase('a-3', [STREET, C2, G21]), startsAt: '2026-11-06T01:00:00.000Z', signedUpMemberIds: [] }, 53),
      // Not started yet: not held.
      scheduled('a-4', G11_PATH, '2099-01-01T01:00:00.000Z', 54),
      checkIn('s-1', 'a-1', G11_PATH, '2026-11-05T01:10:00.000Z'),
      checkIn('s-2', 'a-1', G11_PATH, '2026-11-05T01:20:00.000Z'),
      checkIn('s-3', 'a-2', [STREET, C1], '2026-11-30T16:40:00.000Z'),
      service('r-1', G11_PATH, '2026-11-05', 2, 'approved', 61),
      // Approved before the record's own event arrives: still approved.
      service('r-2', G11_PATH, '2026-11-10', 1.5, 'approved', 71),
      service('r-2', G11_PATH, '2026-11-10', 1.5, 'pending', 70),
      service('r-3', [STREET, C2, G21], '2026-11-10', 4, 'pending', 72),
      service('r-3', [STREET, C2, G21], '2026-11-10', 4, 'rejected', 73),
      service('r-4', [STREET, C2, G21], '2026-11-11', 3, 'pending', 74),
      registration('g-1', 'submitted', G11_PATH, '2026-11-03', null, 80),
      registration('g-1', 'approved', G11_PATH, '2026-11-03', null, 81),
      // Ended on 20 November, the end arriving before the approval.
      registration('g-2', 'ended', G11_PATH, '2026-11-01', '2026-11-20', 83),
      registration('g-2', 'approved', G11_PATH, '2026-11-01', null, 82),
      registration('g-3', 'submitted', [STREET, C2, G21], '2026-11-02', null, 84),
      registration('g-4', 'rejected', [STREET, C2, G21], '2026-11-02', null, 85),
    ]) await publish(e);
    // Redelivered (second copies past JetStream's own de-duplication): applied once.
    await publish(branch, `${branch.id}-again`);
    await publish(a1Reported, `${a1Reported.id}-again`);
    const again = checkIn('s-1', 'a-1', G11_PATH, '2026-11-05T01:10:00.000Z');
    await publish(again);
    await publish(again, `${again.id}-again`);
    await eventually(async () => expect((await db.query(`select 1 from analytics.unit_projection`)).rowCount).toBe(8), { timeoutMs: 10_000 });
    await settle();
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await platform?.close();
  });

  it('counts the grids with an active branch per unit beneath the asked one', async () => {
    const figures = await analytics.partyFigures(STREET_ADMIN, { unit: STREET, from: '2026-11-01', to: '2026-11-30' });
    expect(figures).toMatchObject({ unit: STREET, from: '2026-11-01', to: '2026-11-30', total: { grids: 4, gridsWithBranch: 2, coverageShare: 0.5 } });
    expect(figures.units).toEqual([
      expect.objectContaining({ unitCode: C1, level: 'community', grids: 3, gridsWithBranch: 2, coverageShare: 0.667 }),
      expect.objectContaining({ unitCode: C2, level: 'community', grids: 1, gridsWithBranch: 0, coverageShare: 0 }),
    ]);
    expect(figures.total).toMatchObject({ members: 4, membersByStatus: { full: 4, probationary: 0 } });
    expect(figures.units.map((u) => [u.unitCode, u.members])).toEqual([[C1, 2], [C2, 1]]);
    const c1 = await analytics.partyFigures(STREET_ADMIN, { unit: C1 });
    expect(c1.units.map((u) => [u.unitCode, u.gridsWithBranch, u.members])).toEqual([[G11, 1, 1], [G12, 0, 0], [EG1, 1, 0]]);
    // The community committee's own member counts in the community, in none of its grids.
    expect(c1.total).toMatchObject({ members: 2, membersByStatus: { full: 2, probationary: 0 } });
  });

  it('counts activities held, check-ins and approved hours by China day in the period', async () => {
    const november = await analytics.partyFigures(STREET_ADMIN, { unit: STREET, from: '2026-11-01', to: '2026-11-30' });
    expect(november.total).toMatchObject({ activities: 1, attendance: 2, hours: 3.5 });
    expect(november.units.map((u) => [u.unitCode, u.activities, u.attendance, u.hours])).toEqual([[C1, 1, 2, 3.5], [C2, 0, 0, 0]]);
    const first = await analytics.partyFigures(STREET_ADMIN, { unit: C1, from: '2026-12-01', to: '2026-12-01' });
    expect(first.total).toMatchObject({ activities: 1, attendance: 1, hours: 0 });
    // The community committee's activity counts in the community, in none of its grids.
    expect(first.units.every((u) => u.activities === 0)).toBe(true);
    expect((await analytics.partyFigures(STREET_ADMIN, { unit: G11, from: '2098-12-01', to: '2099-01-31' })).total).toMatchObject({ activities: 0 });
    const a1 = await db.query(`select state, day::text as day from analytics.party_activity where activity_id = 'a-1'`);
    expect(a1.rows).toEqual([{ state: 'reported', day: '2026-11-05' }]);
  });

  it('counts the in-service registrations in force on the period’s last day, by the grid served', async () => {
    const on = async (to: string) => (await analytics.partyFigures(STREET_ADMIN, { unit: STREET, from: '2026-11-01', to })).units.map((u) => [u.unitCode, u.inServiceRegistrations]);
    expect(await on('2026-11-02')).toEqual([[C1, 1], [C2, 0]]);
    expect(await on('2026-11-20')).toEqual([[C1, 2], [C2, 0]]);
    expect(await on('2026-11-21')).toEqual([[C1, 1], [C2, 0]]);
    expect((await analytics.partyFigures(STREET_ADMIN, { unit: C1, to: '2026-11-21' })).units.find((u) => u.unitCode === G11)).toMatchObject({ inServiceRegistrations: 1 });
  });

  it('keeps the newest state of an organisation and applies a redelivered event once', async () => {
    const rows = await db.query(`select organisation_id, active from analytics.party_organisation where organisation_id in ('b-11', 'b-21') order by 1`);
    expect(rows.rows).toEqual([{ organisation_id: 'b-11', active: true }, { organisation_id: 'b-21', active: false }]);
    expect((await db.query(`select consumer from analytics.inbox where event_id = $1`, [branch.id])).rows).toEqual([{ consumer: 'analytics-party' }]);
    expect((await db.query(`select 1 from analytics.party_attendance`)).rowCount).toBe(3);
    // A dissolution after the restoration it predates would be older; a newer restoration counts the grid again.
    await publish(organisation('b-21', 'branch', [STREET, C2, G21], true, 40, false));
    await settle();
    expect((await analytics.partyFigures(STREET_ADMIN, { unit: C2 })).total).toMatchObject({ grids: 1, gridsWithBranch: 1, coverageShare: 1 });
  });

  it('answers only within the caller’s scope, and only to those who read party figures', async () => {
    expect((await refusal(analytics.partyFigures(SECRETARY, { unit: STREET }))).code).toBe(AnalyticsErrorCode.UnitNotFound);
    expect((await refusal(analytics.partyFigures(SECRETARY, { unit: '370502003099' }))).code).toBe(AnalyticsErrorCode.UnitNotFound);
    const own = await analytics.partyFigures(SECRETARY, {});
    expect(own).toMatchObject({ unit: null, total: { grids: 3 }, units: [expect.objectContaining({ unitCode: C1 })] });
    expect((await analytics.partyFigures(ADMIN, {})).units.map((u) => u.unitCode)).toEqual([STREET]);
    expect((await refusal(analytics.partyFigures(STAFF, { unit: G11 }))).code).toBe('FORBIDDEN');
  });

  it('refuses a bad period naming the field', async () => {
    const bad = await refusal(analytics.partyFigures(STREET_ADMIN, { unit: STREET, from: '2026-11-30', to: '2026-11-01' }));
    expect(bad).toMatchObject({ code: AnalyticsErrorCode.Invalid, kind: 'validation', details: { fields: [{ field: 'from', reasons: ['must not be after to'] }] } });
    expect((await refusal(analytics.partyFigures(STREET_ADMIN, { unit: STREET, from: '2026-02-30' }))).kind).toBe('validation');
  });
});
