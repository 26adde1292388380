import type { Caller } from '@gridline/auth';
import { immediateTransactions } from '@gridline/persistence';
import { fieldInvalid } from '@gridline/platform';
import { CHECK_IN_MAX_WRONG, PartyErrorCode } from '@gridline/contracts-party-building';
import type { Clock } from '../../../clock';
import type { ServiceCredit, ServiceLedger } from '../../../ledger/service-ledger';
import type { ActivityAccess } from '../../activity-access';
import { ActivityEntity, CheckInCodeEntity, SignUpEntity } from '../../activity.entity';
import type { ActivityRepository } from '../../activity.repository';
import { hashCheckInCode } from '../../activity-rules';
import type { CheckInRepository } from '../../check-in.repository';
import { CheckInCommand } from './check-in.command';
import { CheckInUseCase } from './check-in.use-case';

const MEMBER: Caller = { sub: 'acct-1', roles: ['party_member'], units: [] };
const member = { id: 'm1', organisationId: 'o1', path: ['S', 'C', 'G'] };
const ID = 'a1';
const at = (iso: string) => new Date(iso);

function setup(options: { signedUp?: boolean; capacity?: number; seats?: number; admits?: boolean; dayFull?: boolean } = {}) {
  const now = { value: at('2026-12-20T09:05:00+08:00') };
  const activity = Object.assign(new ActivityEntity(), {
    id: ID, organisationId: 'o1', unitCode: 'G', path: ['S', 'C', 'G'], kind: 'study', startsAt: at('2026-12-20T09:00:00+08:00'), endsAt: at('2026-12-20T11:00:00+08:00'),
    capacity: options.capacity ?? 10, signedUp: options.seats ?? 1, halfHours: 3,
  });
  const signUps = new Map<string, SignUpEntity>();
  if (options.signedUp ?? true) signUps.set('m1', Object.assign(new SignUpEntity(), { id: 's1', activityId: ID, memberId: 'm1', signedUpAt: at('2026-12-19T00:00:00Z') }));
  const codes: CheckInCodeEntity[] = [];
  const open = (code: string, opened: Date) => {
    for (const c of codes) c.replacedAt ??= opened;
    codes.push(Object.assign(new CheckInCodeEntity(), { id: `c${codes.length + 1}`, activityId: ID, codeHash: hashCheckInCode(ID, code), openedAt: opened, openedBy: 'sec', expiresAt: new Date(opened.getTime() + 15 * 60_000) }));
  };
  const wrong = new Map<string, number>();
  const attended: SignUpEntity[] = [];
  const activities = {
    lock: jest.fn(async () => activity),
    findSignUp: jest.fn(async (_: string, memberId: string) => signUps.get(memberId) ?? null),
    addSignUp: jest.fn((data: Partial<SignUpEntity>) => {
      const s = Object.assign(new SignUpEntity(), data);
      signUps.set(s.memberId, s);
      return s;
    }),
    attended: jest.fn((_: ActivityEntity, s: SignUpEntity) => attended.push(s)),
    save: jest.fn(async () => undefined),
  };
  const checkIns = {
    current: jest.fn(async () => codes.find((c) => !c.replacedAt) ?? null),
    findByHash: jest.fn(async (_: string, hash: string) => codes.find((c) => c.codeHash === hash) ?? null),
    wrong: jest.fn(async (codeId: string) => wrong.get(codeId) ?? 0),
    addWrong: jest.fn(async (codeId: string) => {
      wrong.set(codeId, (wrong.get(codeId) ?? 0) + 1);
      return wrong.get(codeId) as number;
    }),
  };
  const access = { self: jest.fn(async () => member), admits: jest.fn(async () => options.admits ?? true) };
  const credits: ServiceCredit[] = [];
  const ledger = {
    credit: jest.fn(async (credit: ServiceCredit) => {
      if (options.dayFull) throw fieldInvalid(PartyErrorCode.ServiceDayFull, 'hours', 'would bring the day over 24 hours', 'rule_violation');
      credits.push(credit);
      return { record: { id: 'r1', hours: credit.hours }, credited: true };
    }),
  };
  const clock: Clock = { now: () => now.value };
  const useCase = new CheckInUseCase(
    activities as unknown as ActivityRepository,
    checkIns as unknown as CheckInRepository,
    access as unknown as ActivityAccess,
    ledger as unknown as ServiceLedger,
    immediateTransactions,
    clock,
  );
  const checkIn = (code: string) => useCase.execute(new CheckInCommand(MEMBER, ID, code)).catch((e: unknown) => e as Error & { code: string; kind: string; details: Record<string, unknown> });
  return { activity, now, open, checkIn, attended, signUps, wrong, credits };
}

describe(CheckInUseCase.name, () => {
  it('checks a signed-up member in with the code shown now, crediting the hours', async () => {
    const { open, now, checkIn, attended, credits } = setup();
    open('K7M2Q9XP', at('2026-12-20T09:00:00+08:00'));
    expect(await checkIn('k7m2q9xp')).toMatchObject({ hours: 1.5, serviceRecordId: 'r1', creditRefused: null, signUp: { memberId: 'm1', walkIn: false, attendedAt: now.value.toISOString() } });
    expect(attended).toHaveLength(1);
    expect(credits).toEqual([{ memberId: 'm1', source: { kind: 'activity', id: ID }, day: '2026-12-20', hours: 1.5 }]);
  });

  it('keeps the attendance without hours when the member’s day is full, saying why', async () => {
    const { open, checkIn, attended } = setup({ dayFull: true });
    open('K7M2Q9XP', at('2026-12-20T09:00:00+08:00'));
    expect(await checkIn('K7M2Q9XP')).toMatchObject({ hours: 0, serviceRecordId: null, creditRefused: expect.stringMatching(/24 hours/) });
    expect(attended).toHaveLength(1);
  });

  it('refuses a wrong code on `code` and counts it, locking the member out past the limit', async () => {
    const { open, checkIn, wrong, attended } = setup();
    open('K7M2Q9XP', at('2026-12-20T09:00:00+08:00'));
    for (let i = 0; i < CHECK_IN_MAX_WRONG; i++) expect(await checkIn('AAAAAAAA')).toMatchObject({ code: PartyErrorCode.CheckInCodeRefused, kind: 'rule_violation', details: { field: 'code', reason: 'wrong' } });
    expect(wrong.get('c1')).toBe(CHECK_IN_MAX_WRONG);
    // Locked out: even the right code is refused until a new code is opened.
    expect(await checkIn('K7M2Q9XP')).toMatchObject({ code: PartyErrorCode.CheckInLocked, kind: 'rate_limited' });
    open('P3R4S5T6', at('2026-12-20T09:06:00+08:00'));
    expect(await checkIn('P3R4S5T6')).toMatchObject({ signUp: { memberId: 'm1' } });
    expect(attended).toHaveLength(1);
  });

  it('refuses an expired code and a replaced one, saying which', async () => {
    const { open, now, checkIn } = setup();
    open('K7M2Q9XP', at('2026-12-20T08:40:00+08:00'));
    now.value = at('2026-12-20T08:55:00+08:00');
    expect(await checkIn('K7M2Q9XP')).toMatchObject({ details: { field: 'code', reason: 'expired' } });
    open('P3R4S5T6', at('2026-12-20T08:56:00+08:00'));
    expect(await checkIn('K7M2Q9XP')).toMatchObject({ details: { field: 'code', reason: 'replaced' } });
  });

  it('answers a reused code with 409 and records nothing new', async () => {
    const { open, checkIn, attended, credits } = setup();
    open('K7M2Q9XP', at('2026-12-20T09:00:00+08:00'));
    await checkIn('K7M2Q9XP');
    expect(await checkIn('K7M2Q9XP')).toMatchObject({ code: PartyErrorCode.AlreadyCheckedIn, kind: 'conflict' });
    expect(attended).toHaveLength(1);
    expect(credits).toHaveLength(1);
  });

  it('lets a member who did not sign up in as a walk-in only while a seat is free', async () => {
    const full = setup({ signedUp: false, capacity: 1, seats: 1 });
    full.open('K7M2Q9XP', at('2026-12-20T09:00:00+08:00'));
    expect(await full.checkIn('K7M2Q9XP')).toMatchObject({ code: PartyErrorCode.ActivityFull });
    const free = setup({ signedUp: false, capacity: 2, seats: 1 });
    free.open('K7M2Q9XP', at('2026-12-20T09:00:00+08:00'));
    expect(await free.checkIn('K7M2Q9XP')).toMatchObject({ signUp: { walkIn: true, status: 'signed_up' } });
    expect(free.activity.signedUp).toBe(2);
  });

  it('treats an activity outside the member’s audience as unknown, and check-in not opened as a refused code', async () => {
    const stranger = setup({ signedUp: false, admits: false });
    stranger.open('K7M2Q9XP', at('2026-12-20T09:00:00+08:00'));
    expect(await stranger.checkIn('K7M2Q9XP')).toMatchObject({ code: PartyErrorCode.ActivityNotFound });
    expect(await setup().checkIn('K7M2Q9XP')).toMatchObject({ details: { field: 'code', reason: 'not_open' } });
  });
});
