import type { Caller } from '@gridline/auth';
import { immediateTransactions } from '@gridline/persistence';
import { PartyErrorCode } from '@gridline/contracts-party-building';
import type { MemberRepository } from '../../../members/member.repository';
import { ServiceRecordEntity } from '../../service-record.entity';
import type { ServiceRecordRepository } from '../../service-record.repository';
import { DecideServiceRecordCommand } from './decide-service-record.command';
import { DecideServiceRecordUseCase } from './decide-service-record.use-case';
import { refusal } from '../../../testing/party-test-support';

const GRID = '370502003001001';
const PATH = ['370502003', '370502003001', GRID];
const RECORD_ID = 'e0000000-0000-4000-8000-000000000001';
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary', 'party_member'], units: [GRID] };
const OTHER_SECRETARY: Caller = { sub: 'sec-2', roles: ['party_secretary'], units: ['370502003001002'] };
const MEMBER: Caller = { sub: 'member-1', roles: ['party_member'], units: [] };

function setup(account = 'member-1') {
  const record = Object.assign(new ServiceRecordEntity(), { id: RECORD_ID, memberId: 'm-1', organisationId: 'o-1', path: PATH, kind: 'grid_task', task: 'visit', day: '2026-11-30', halfHours: 3, points: 3, status: 'pending', submittedBy: account });
  const decided: string[] = [];
  const records = {
    lock: jest.fn(async (id: string) => (id === RECORD_ID ? record : null)),
    decided: jest.fn((r: ServiceRecordEntity) => decided.push(r.status)),
    save: jest.fn(async () => undefined),
  };
  const members = { findById: jest.fn(async () => ({ id: 'm-1', account })) };
  const useCase = new DecideServiceRecordUseCase(records as unknown as ServiceRecordRepository, members as unknown as MemberRepository, immediateTransactions);
  const decide = (caller: Caller, decision: 'approved' | 'rejected', reason?: string) => useCase.execute(new DecideServiceRecordCommand(caller, { id: RECORD_ID, decision, reason }));
  return { decide, record, decided };
}

describe(DecideServiceRecordUseCase.name, () => {
  it('lets the branch secretary approve once, with its event', async () => {
    const { decide, decided } = setup();
    expect(await decide(SECRETARY, 'approved')).toMatchObject({ status: 'approved', decidedBy: 'sec-1', reason: null, hours: 1.5 });
    expect(decided).toEqual(['approved']);
    expect((await refusal(decide(SECRETARY, 'rejected', 'x'))).code).toBe(PartyErrorCode.ServiceRecordDecided);
  });

  it('needs a reason to reject', async () => {
    const { decide, decided } = setup();
    expect((await refusal(decide(SECRETARY, 'rejected'))).details).toEqual({ fields: [{ field: 'reason', reasons: ['is required to reject a record'] }] });
    expect(await decide(SECRETARY, 'rejected', '记录不实')).toMatchObject({ status: 'rejected', reason: '记录不实' });
    expect(decided).toEqual(['rejected']);
  });

  it('answers another branch’s secretary as not found, the member as forbidden, and refuses a secretary their own record', async () => {
    expect((await refusal(setup().decide(OTHER_SECRETARY, 'approved'))).code).toBe(PartyErrorCode.ServiceRecordNotFound);
    expect((await refusal(setup().decide(MEMBER, 'approved'))).kind).toBe('forbidden');
    const own = setup('sec-1');
    expect((await refusal(own.decide(SECRETARY, 'approved'))).code).toBe(PartyErrorCode.OwnServiceRecord);
    expect(own.record.status).toBe('pending');
    expect(own.decided).toEqual([]);
  });
});
