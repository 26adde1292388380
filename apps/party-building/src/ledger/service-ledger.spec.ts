import { immediateTransactions } from '@gridline/persistence';
import { chinaDay } from '@gridline/platform';
import { PARTY_BUILDING_EVENTS, PartyErrorCode } from '@gridline/contracts-party-building';
import type { MemberRepository } from '../members/member.repository';
import { ServiceLedger } from './service-ledger';
import { ServiceRecordEntity } from './service-record.entity';
import type { ServiceRecordRepository } from './service-record.repository';
import { refusal } from '../testing/party-test-support';

const PATH = ['370502003', '370502003001', '370502003001001'];
const MEMBER = { id: '2b6f0c1e-7a4d-4e55-9d1e-0f6a1c2b3d4e', organisationId: 'a0000000-0000-4000-8000-000000000001', path: PATH, account: 'member-1' };
const ACTIVITY = 'c0000000-0000-4000-8000-000000000001';
const TODAY = chinaDay();

/** The ledger over an in-memory table of records; `events` collects what the repository would put in the outbox. */
function setup() {
  const rows: ServiceRecordEntity[] = [];
  const events: { subject: string; status: string }[] = [];
  const records = {
    lockMember: jest.fn(async () => undefined),
    findActivityCredit: jest.fn(async (memberId: string, activityId: string) => rows.find((r) => r.memberId === memberId && r.activityId === activityId) ?? null),
    bookedHalfHours: jest.fn(async (memberId: string, day: string) => rows.filter((r) => r.memberId === memberId && r.day === day && r.status !== 'rejected').reduce((n, r) => n + r.halfHours, 0)),
    add: jest.fn((data: Partial<ServiceRecordEntity>) => {
      const record = Object.assign(new ServiceRecordEntity(), data);
      rows.push(record);
      events.push({ subject: PARTY_BUILDING_EVENTS.memberServiceRecorded.subject, status: record.status });
      return record;
    }),
    save: jest.fn(async () => undefined),
  };
  const members = { findById: jest.fn(async (id: string) => (id === MEMBER.id ? MEMBER : null)) };
  const ledger = new ServiceLedger(records as unknown as ServiceRecordRepository, members as unknown as MemberRepository, immediateTransactions);
  return { ledger, rows, events, records };
}

describe(ServiceLedger.name, () => {
  it('credits an activity’s attendance approved, once per member and activity', async () => {
    const { ledger, rows, events, records } = setup();
    const first = await ledger.credit({ memberId: MEMBER.id, source: { kind: 'activity', id: ACTIVITY }, day: TODAY, hours: 2.5 });
    expect(first).toMatchObject({ credited: true, record: { kind: 'activity', activityId: ACTIVITY, hours: 2.5, points: 5, status: 'approved', decidedBy: 'system', organisationId: MEMBER.organisationId, unitCode: PATH[2] } });
    const again = await ledger.credit({ memberId: MEMBER.id, source: { kind: 'activity', id: ACTIVITY }, day: TODAY, hours: 2.5 });
    expect(again).toEqual({ credited: false, record: first.record });
    expect(rows).toHaveLength(1);
    expect(events).toEqual([{ subject: 'events.party-building.member.service_recorded', status: 'approved' }]);
    expect(records.lockMember).toHaveBeenCalledWith(MEMBER.id);
  });

  it('keeps a member’s day within 24 hours, naming hours', async () => {
    const { ledger, rows } = setup();
    await ledger.credit({ memberId: MEMBER.id, source: { kind: 'activity', id: ACTIVITY }, day: TODAY, hours: 20 });
    const full = await refusal(ledger.credit({ memberId: MEMBER.id, source: { kind: 'activity', id: 'c0000000-0000-4000-8000-000000000002' }, day: TODAY, hours: 4.5 }));
    expect(full).toMatchObject({ code: PartyErrorCode.ServiceDayFull, kind: 'rule_violation', details: { fields: [{ field: 'hours' }] } });
    await ledger.credit({ memberId: MEMBER.id, source: { kind: 'activity', id: 'c0000000-0000-4000-8000-000000000003' }, day: TODAY, hours: 4 });
    expect(rows.reduce((n, r) => n + r.halfHours, 0)).toBe(48);
  });

  it('refuses hours off the half-hour steps, a future day, a bad source and an unknown member', async () => {
    const { ledger, rows } = setup();
    const credit = (over: object) => ledger.credit({ memberId: MEMBER.id, source: { kind: 'activity', id: ACTIVITY }, day: TODAY, hours: 1, ...over });
    expect((await refusal(credit({ hours: 0.3 }))).details).toEqual({ fields: [{ field: 'hours', reasons: ['must be in steps of 0.5 hours'] }] });
    expect((await refusal(credit({ hours: 0 }))).details).toMatchObject({ fields: [{ field: 'hours' }] });
    expect((await refusal(credit({ day: '2026-02-30' }))).details).toMatchObject({ fields: [{ field: 'day' }] });
    expect((await refusal(credit({ day: '2199-01-01' }))).details).toMatchObject({ fields: [{ field: 'day', reasons: ['must not be in the future'] }] });
    expect((await refusal(credit({ source: { kind: 'activity', id: 'x' } }))).details).toMatchObject({ fields: [{ field: 'source' }] });
    expect((await refusal(credit({ points: 1.5 }))).details).toMatchObject({ fields: [{ field: 'points' }] });
    expect((await refusal(credit({ memberId: 'd0000000-0000-4000-8000-000000000009' }))).code).toBe(PartyErrorCode.MemberNotFound);
    expect(rows).toHaveLength(0);
  });
});
