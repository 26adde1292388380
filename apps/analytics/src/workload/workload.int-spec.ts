import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { type EventDefinition } from '@gridline/messaging';
import { AnalyticsClient, AnalyticsErrorCode, type WorkloadCounts } from '@gridline/contracts-analytics';
import { INCIDENTS_EVENTS, type IncidentEventData, type VisitLoggedEventData } from '@gridline/contracts-incidents';
import { PARTY_BUILDING_EVENTS, type ServiceRecordEventData } from '@gridline/contracts-party-building';
import { eventually } from '@gridline/testing';
import { event, refusal, startAnalyticsUnderTest, unitCreated, type AnalyticsUnderTest, type Published } from '../testing/analytics-under-test';

const STREET = '370502005';
const C1 = '370502005001';
const G11 = '370502005001001';
const G12 = '370502005001002';
const PATHS: Record<string, string[]> = { [G11]: [STREET, C1, G11], [G12]: [STREET, C1, G12] };
const ANALYST: Caller = { sub: 'analyst-1', roles: ['analyst'], units: [STREET] };
const STAFF_2: Caller = { sub: 'staff-2', roles: ['grid_staff'], units: [G12] };

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
 * down W3 (not a person); W4 is October's. Visits: one each in November, one of October, one from before the visitor
 * was sent. Party: staff-1's member serves 2 h approved and 1 h pending; a member without a login 3 h approved.
 */
const EVENTS = [
  ...walked('W1', G11, 'staff-1', 'staff-1', cst('11-02', '09:00'), cst('11-03', '09:00'), cst('11-03', '12:00')),
  ...walked('W2', G12, 'staff-2', 'staff-1', cst('11-02', '09:00'), cst('11-04', '09:00'), cst('11-02', '12:00')),
  incident('W3', 'reported', 'hotline', cst('11-05', '09:00'), G11, { step: 'accept' }),
  incident('W4', 'reported', 'staff-1', cst('10-20', '09:00'), G11, { step: 'accept' }),
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
  const unit = unitCreated;

  beforeAll(async () => {
    harness = await startAnalyticsUnderTest();
    ({ analytics, db } = harness);
    const units = [unit(STREET, 'street', [STREET]), unit(C1, 'community', [STREET, C1]), ...Object.entries(PATHS).map(([g, p]) => unit(g, 'grid', p))];
    for (const e of [...units, ...EVENTS]) await publish(e);
    await eventually(async () => {
      expect(Number((await db.query(`select count(*) as n from analytics.case_event`)).rows[0].n)).toBe(8);
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

  it('counts per person of the street: cases reported, handled and on time, visits, approved party hours of their member', async () => {
    const view = await analytics.workload(ANALYST, { unit: STREET, ...NOVEMBER });
    expect(view).toMatchObject({ unit: STREET, unitName: `name-${STREET}`, ...NOVEMBER, self: false });
    expect(view.staff).toEqual([
      { subject: 'staff-1', ...counts(1, 2, 1, 1, 2) },
      { subject: 'staff-2', ...counts(1, 0, 0, 1, 0) },
    ]);
    expect(view.total).toEqual(counts(2, 2, 1, 2, 2));
  });

  it('counts beneath a grid only what happened there, and a period by China days with `to` inclusive', async () => {
    expect((await analytics.workload(ANALYST, { unit: G12, ...NOVEMBER })).staff).toEqual([
      { subject: 'staff-1', ...counts(0, 1, 0, 0, 0) },
      { subject: 'staff-2', ...counts(1, 0, 0, 1, 0) },
    ]);
    // W4 (20 October) and V4 (31 October, the period's last day, inclusive) are October's.
    expect((await analytics.workload(ANALYST, { unit: G11, from: '2026-10-20', to: '2026-10-31' })).staff).toEqual([{ subject: 'staff-1', ...counts(1, 0, 0, 1, 0) }]);
    expect((await analytics.workload(ANALYST, { unit: G12, from: '2026-11-30', to: '2026-11-30' })).staff).toEqual([{ subject: 'staff-2', ...counts(0, 0, 0, 1, 0) }]);
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

  it('shows grid staff only themselves, in their scope', async () => {
    const own = await analytics.workload(STAFF_2, NOVEMBER);
    expect(own).toMatchObject({ unit: G12, self: true, staff: [{ subject: 'staff-2', ...counts(1, 0, 0, 1, 0) }], total: counts(1, 0, 0, 1, 0) });
    for (const unit of [STREET, C1, G11]) expect(await refusal(analytics.workload(STAFF_2, { unit, ...NOVEMBER }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound, kind: 'not_found' });
  });

  it('refuses other roles and names a bad field', async () => {
    expect(await refusal(analytics.workload({ sub: 'p', roles: ['grid_partner'], units: [G11] }, { unit: G11 }))).toMatchObject({ kind: 'forbidden' });
    expect(await refusal(analytics.workload(ANALYST, { unit: '370502005099', ...NOVEMBER }))).toMatchObject({ code: AnalyticsErrorCode.UnitNotFound });
    expect(await refusal(analytics.workload(ANALYST, { unit: STREET, from: '2026-11-05', to: '2026-11-01' }))).toMatchObject({ code: AnalyticsErrorCode.Invalid, details: { fields: [expect.objectContaining({ field: 'from' })] } });
    expect(await refusal(analytics.workload(ANALYST, { unit: STREET, from: '1 Nov' }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'from' })] } });
  });
});
