import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { type EventDefinition } from '@gridline/messaging';
import { AnalyticsClient, AnalyticsErrorCode, type WorkloadCounts } from '@gridline/contracts-analytics';
import { INCIDENTS_EVENTS, type IncidentEventData, type VisitLoggedEventData } from '@gridline/contracts-incidents';
import { PARTY_BUILDING_EVENTS, type ServiceRecordEventData } from '@gridline/contracts-party-building';
import { REGISTRY_EVENTS, REGISTRY_REQUESTS, type GridStaffRecord } from '@gridline/contracts-registry';
import { eventually } from '@gridline/testing';
import { event, refusal, startAnalyticsUnderTest, unitCreated, type AnalyticsUnderTest, type Published } from '../testing/analytics-under-test';

const STREET = '370502005';
const C1 = '370502005001';
const G11 = '370502005001001';
const G12 = '370502005001002';
const PATHS: Record<string, string[]> = { [G11]: [STREET, C1, G11], [G12]: [STREET, C1, G12] };
const ANALYST: Caller = { sub: 'analyst-1', roles: ['analyst'], units: [STREET] };
const STAFF_2: Caller = { sub: 'staff-2', roles: ['grid_staff'], units: [G12] };
/** A grid staff login the registry links to no person. */
const UNLINKED: Caller = { sub: 'staff-9', roles: ['grid_staff'], units: [G12] };

/**
 * The registry's people: 王晓梅 (staff-1) grid staff of G11, 李强 (staff-2) and 赵敏 (no login, from 10 November) of
 * G12, 陈静 (staff-4) of G11 until 25 October; 刘洋 is G11's building chief (not grid staff). The assignment events
 * carry no names: the registry's staff snapshot (a double here) answers them.
 */
const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const P3 = '00000000-0000-4000-8000-000000000003';
const P4 = '00000000-0000-4000-8000-000000000004';
const P5 = '00000000-0000-4000-8000-000000000005';
const staffMember = (n: number, personId: string, name: string, account: string | null, unitCode: string, startsOn: string, endsOn: string | null = null): GridStaffRecord => ({
  assignmentId: `10000000-0000-4000-8000-00000000000${n}`, personId, name, account, unitCode, startsOn, endsOn,
});
const STAFF: GridStaffRecord[] = [
  staffMember(1, P1, '王晓梅', 'staff-1', G11, '2026-01-01'),
  staffMember(2, P2, '李强', 'staff-2', G12, '2026-01-01'),
  staffMember(3, P3, '赵敏', null, G12, '2026-11-10'),
  staffMember(4, P4, '陈静', 'staff-4', G11, '2026-01-01', '2026-10-25'),
];
const assigned = (r: GridStaffRecord, role = 'grid_staff'): Published =>
  event(REGISTRY_EVENTS.assignmentCreated, r.assignmentId, { assignment: { id: r.assignmentId, personId: r.personId, unitCode: r.unitCode, role, startsOn: r.startsOn, endsOn: null, source: null } });
const ended = (r: GridStaffRecord): Published =>
  event(REGISTRY_EVENTS.assignmentEnded, r.assignmentId, { assignment: { id: r.assignmentId, personId: r.personId, unitCode: r.unitCode, role: 'grid_staff', startsOn: r.startsOn, endsOn: r.endsOn, source: null } });
const ASSIGNMENTS = [...STAFF.map((r) => assigned(r)), ended(STAFF[3]), assigned(staffMember(5, P5, '刘洋', 'chief-5', G11, '2026-01-01'), 'building_chief')];

/** China time. */
const cst = (day: string, time: string) => new Date(`2026-${day}T${time}:00+08:00`).toISOString();

function incident(id: string, name: 'reported' | 'signed' | 'handled', actor: string, at: string, grid: string, data: Partial<IncidentEventData> = {}): Published {
  const status = ({ reported: 'reported', signed: 'in_progress', handled: 'handled' } as const)[name];
  return event(INCIDENTS_EVENTS[name] as EventDefinition<IncidentEventData>, id, {
    incidentId: id, status, categoryCode: 'ROAD', gridCode: grid, path: PATHS[grid], urgency: 'normal', source: 'patrol', owner: null, step: null,
    dueAt: null, supervision: { card: 'none', supervisorUnitCode: null, since: null }, reworkCount: 0, appealRef: null, appealHandoff: null, result: null,
    resolution: null, rating: null, actor, at, comment: null, ...data,
  });
}
/** A case reported by `reporter`, signed and handled by `handler` at `handledAt`, the handling due at `due`. */
const walked = (id: string, grid: string, reporter: string, handler: string, reportedAt: string, handledAt: string, due: string) => [
  incident(id, 'reported', reporter, reportedAt, grid, { step: 'accept' }),
  incident(id, 'signed', handler, new Date(Date.parse(reportedAt) + 3_600_000).toISOString(), grid, { step: 'handle', dueAt: due }),
  incident(id, 'handled', handler, handledAt, grid, { step: 'verify' }),
];
const visit = (id: string, grid: string, date: string, visitor?: string): Published => {
  const data: VisitLoggedEventData = { visitId: id, householdId: `h-${id}`, gridCode: grid, date, ...(visitor ? { path: PATHS[grid], visitor } : {}) };
  return event(INCIDENTS_EVENTS.visitLogged, id, data);
};
const service = (name: 'memberServiceRecorded' | 'memberServiceApproved', recordId: string, memberId: string, day: string, hours: number, status: ServiceRecordEventData['status']): Published =>
  event(PARTY_BUILDING_EVENTS[name], memberId, {
    recordId, memberId, organisationId: 'org-g11', unitPath: PATHS[G11], kind: 'grid_task', task: 'visit', activityId: null, day, year: 2026, hours, points: 1, status,
  });
const member = (memberId: string, account: string | null) =>
  event(PARTY_BUILDING_EVENTS.memberCreated, memberId, { memberId, organisationId: 'org-g11', unitPath: PATHS[G11], status: 'full', homeGridCode: G11, account, changed: [] });

/**
 * November: staff-1 reports W1 in G11 and handles it on time, and handles staff-2's W2 in G12 late; the hotline hands
 * down W3 (not a person); the street's centre reports W5 in G11 and a department's handler handles it (not grid staff);
 * W4 is October's. Visits: one each in November, one of October, one from before the visitor was sent. Party:
 * staff-1's member serves 2 h approved and 1 h pending; a member without a login 3 h approved.
 */
const EVENTS = [
  ...walked('W1', G11, 'staff-1', 'staff-1', cst('11-02', '09:00'), cst('11-03', '09:00'), cst('11-03', '12:00')),
  ...walked('W2', G12, 'staff-2', 'staff-1', cst('11-02', '09:00'), cst('11-04', '09:00'), cst('11-02', '12:00')),
  incident('W3', 'reported', 'hotline', cst('11-05', '09:00'), G11, { step: 'accept' }),
  incident('W4', 'reported', 'staff-1', cst('10-20', '09:00'), G11, { step: 'accept' }),
  ...walked('W5', G11, 'centre-1', 'dept-1', cst('11-06', '09:00'), cst('11-06', '15:00'), cst('11-07', '12:00')),
  visit('V1', G11, '2026-11-05', 'staff-1'),
  visit('V2', G12, '2026-11-30', 'staff-2'),
  visit('V3', G11, '2026-11-05'),
  visit('V4', G11, '2026-10-31', 'staff-1'),
  member('M1', 'staff-1'),
  member('M2', null),
  service('memberServiceRecorded', 'R1', 'M1', '2026-11-06', 2, 'pending'),
  service('memberServiceApproved', 'R1', 'M1', '2026-11-06', 2, 'approved'),
  service('memberServiceRecorded', 'R2', 'M1', '2026-11-07', 1, 'pending'),
  service('memberServiceApproved', 'R3', 'M2', '2026-11-07', 3, 'approved'),
];

const counts = (reported: number, handled: number, handledOnTime: number, visits: number, partyHours: number): WorkloadCounts => ({
  reported, handled, handledOnTime, onTimeRate: { numerator: handledOnTime, denominator: handled, rate: handled === 0 ? null : Math.round((handledOnTime / handled) * 1000) / 1000 }, visits, partyHours,
});


describe('staff workload from incidents’ and party building’s events', () => {
  let harness: AnalyticsUnderTest;
  let analytics: AnalyticsClient;
  let db: Client;
  const publish = (e: Published) => harness.publish(e);
  /** What the registry's staff snapshot was asked for: the persons named, or all (the copy's fill). */
  const snapshotAsked: (string[] | 'all')[] = [];
  const unit = unitCreated;

  beforeAll(async () => {
    harness = await startAnalyticsUnderTest();
    ({ analytics, db } = harness);
    harness.answer(REGISTRY_REQUESTS.staffSnapshot, ({ personIds }) => {
      snapshotAsked.push(personIds ?? 'all');
      return { items: STAFF.filter((r) => !personIds || personIds.includes(r.personId)), nextCursor: null };
    });
    const units = [unit(STREET, 'street', [STREET]), unit(C1, 'community', [STREET, C1]), ...Object.entries(PATHS).map(([g, p]) => unit(g, 'grid', p))];
    // The assignments before the units: the copy holds staff whenever it holds anything, so its fill (retried while the
    // registry does not answer its lists) never asks the staff snapshot for all.
    for (const e of [...ASSIGNMENTS, ...units, ...EVENTS]) await publish(e);
    await eventually(async () => {
      expect(Number((await db.query(`select count(*) as n from analytics.registry_grid_staff`)).rows[0].n)).toBe(STAFF.length);
      expect(Number((await db.query(`select count(*) as n from analytics.case_event`)).rows[0].n)).toBe(11);
      expect(Number((await db.query(`select count(*) as n from analytics.visit_log`)).rows[0].n)).toBe(3);
      expect(Number((await db.query(`select count(*) as n from analytics.party_service where status = 'approved'`)).rows[0].n)).toBe(2);
      expect(Number((await db.query(`select count(*) as n from analytics.party_member`)).rows[0].n)).toBe(2);
      expect((await db.query(`select 1 from analytics.unit_projection`)).rowCount).toBe(units.length);
    }, { timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

  const g = (code: string) => ({ code, name: `name-${code}` });
  const WANG = { personId: P1, name: '王晓梅', subject: 'staff-1', grids: [g(G11)] };
  const LI = { personId: P2, name: '李强', subject: 'staff-2', grids: [g(G12)] };
  const ZHAO = { personId: P3, name: '赵敏', subject: null, grids: [g(G12)] };
  const CHEN = { personId: P4, name: '陈静', subject: 'staff-4', grids: [g(G11)] };

  it('answers a row per grid staff member of the street’s grids, named from the registry, zeros included: cases reported, handled and on time, visits, approved party hours', async () => {
    const view = await analytics.workload(ANALYST, { unit: STREET, ...NOVEMBER });
    expect(view).toMatchObject({ unit: STREET, unitName: `name-${STREET}`, ...NOVEMBER, self: false });
    expect(view.staff).toEqual([
      { ...WANG, ...counts(1, 2, 1, 1, 2) },
      { ...LI, ...counts(1, 0, 0, 1, 0) },
      { ...ZHAO, ...counts(0, 0, 0, 0, 0) },
    ]);
    expect(view.total).toEqual(counts(2, 2, 1, 2, 2));
    // The names of the staff answered were asked of the registry, for those persons, then kept in the copy beside the assignments.
    const { rows } = await db.query(`select person_id, name, account from analytics.registry_grid_staff where person_id = any($1) order by assignment_id`, [[P1, P2, P3]]);
    expect(rows).toEqual(STAFF.slice(0, 3).map((r) => ({ person_id: r.personId, name: r.name, account: r.account })));
    expect(snapshotAsked).toEqual([[P1, P2, P3]]);
    const asked = snapshotAsked.length;
    await analytics.workload(ANALYST, { unit: STREET, ...NOVEMBER });
    expect(snapshotAsked).toHaveLength(asked);
  });

  it('leaves out whoever is not grid staff of the unit — the centre, a department’s handler, the hotline, a building chief — from the rows and the total', async () => {
    // W5 reported by the street's centre in G11 and handled there by a department's handler; 刘洋 is G11's building chief.
    const view = await analytics.workload(ANALYST, { unit: G11, ...NOVEMBER });
    expect(view.staff).toEqual([{ ...WANG, ...counts(1, 1, 1, 1, 2) }]);
    expect(view.total).toEqual(counts(1, 1, 1, 1, 2));
    // staff-1 handled W2 in G12 but is no grid staff of G12: not a row there, nor in its total.
    const g12 = await analytics.workload(ANALYST, { unit: G12, ...NOVEMBER });
    expect(g12.staff).toEqual([
      { ...LI, ...counts(1, 0, 0, 1, 0) },
      { ...ZHAO, ...counts(0, 0, 0, 0, 0) },
    ]);
    expect(g12.total).toEqual(counts(1, 0, 0, 1, 0));
  });

  it('answers the staff of the period (an assignment sharing a day with it), by China days with `to` inclusive', async () => {
    // W4 (20 October) and V4 (31 October, the period's last day, inclusive) are October's; 陈静 was G11's staff until 25 October, 赵敏 G12's from 10 November.
    expect((await analytics.workload(ANALYST, { unit: G11, from: '2026-10-20', to: '2026-10-31' })).staff).toEqual([
      { ...WANG, ...counts(1, 0, 0, 1, 0) },
      { ...CHEN, ...counts(0, 0, 0, 0, 0) },
    ]);
    expect((await analytics.workload(ANALYST, { unit: G12, from: '2026-11-30', to: '2026-11-30' })).staff).toEqual([
      { ...LI, ...counts(0, 0, 0, 1, 0) },
      { ...ZHAO, ...counts(0, 0, 0, 0, 0) },
    ]);
    expect((await analytics.workload(ANALYST, { unit: G12, from: '2026-11-01', to: '2026-11-09' })).staff.map((s) => s.name)).toEqual(['李强']);
  });

  it('keeps who acted in the projection with covering indexes per depth', async () => {
    const { rows } = await db.query(`select incident_id, step, ended_by, ended_actor from analytics.case_step where incident_id = 'W2' order by seq`);
    expect(rows).toEqual([
      { incident_id: 'W2', step: 'accept', ended_by: 'signed', ended_actor: 'staff-1' },
      { incident_id: 'W2', step: 'handle', ended_by: 'handled', ended_actor: 'staff-1' },
      { incident_id: 'W2', step: 'verify', ended_by: null, ended_actor: null },
    ]);
    const indexes = (await db.query(`select indexname from pg_indexes where schemaname = 'analytics' and indexname ~ '_u1_(reporter|handled|approved)_idx$|^visit_log_u1_idx$' order by 1`)).rows;
    expect(indexes.map((r) => r.indexname)).toEqual(['case_projection_u1_reporter_idx', 'case_step_u1_handled_idx', 'party_service_u1_approved_idx', 'visit_log_u1_idx']);
  });

  it('shows grid staff only themselves, in their scope; a login linked to no staff member nothing', async () => {
    const own = await analytics.workload(STAFF_2, NOVEMBER);
    expect(own).toEqual({ unit: G12, unitName: `name-${G12}`, ...NOVEMBER, self: true, staff: [{ ...LI, ...counts(1, 0, 0, 1, 0) }], total: counts(1, 0, 0, 1, 0) });
    expect(await analytics.workload(UNLINKED, NOVEMBER)).toMatchObject({ unit: G12, self: true, staff: [], total: counts(0, 0, 0, 0, 0) });
    for (const unit of [STREET, C1, G11]) expect(await refusal(analytics.workload(STAFF_2, { unit, ...NOVEMBER }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
  });

  it('refuses other roles and names a bad field', async () => {
    expect(await refusal(analytics.workload({ sub: 'p', roles: ['grid_partner'], units: [G11] }, { unit: G11 }))).toMatchObject({ kind: 'forbidden' });
    expect(await refusal(analytics.workload(ANALYST, { unit: '370502005099', ...NOVEMBER }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound });
    expect(await refusal(analytics.workload(ANALYST, { unit: STREET, from: '2026-11-05', to: '2026-11-01' }))).toMatchObject({ code: AnalyticsErrorCode.Invalid, details: { fields: [expect.objectContaining({ field: 'from' })] } });
    expect(await refusal(analytics.workload(ANALYST, { unit: STREET, from: '1 Nov' }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'from' })] } });
  });
});
