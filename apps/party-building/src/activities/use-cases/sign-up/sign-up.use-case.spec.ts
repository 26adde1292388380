import type { Caller } from '@gridline/auth';
import { immediateTransactions } from '@gridline/persistence';
import { PartyErrorCode } from '@gridline/contracts-party-building';
import type { Clock } from '../../../clock';
import type { ActivityAccess } from '../../activity-access';
import { ActivityEntity, SignUpEntity } from '../../activity.entity';
import type { ActivityRepository } from '../../activity.repository';
import { SignUpCommand } from './sign-up.command';
import { SignUpUseCase } from './sign-up.use-case';

const MEMBER: Caller = { sub: 'acct-1', roles: ['party_member'], units: [] };
const at = (iso: string) => new Date(iso);

function setup(capacity = 2) {
  const now = { value: at('2026-12-20T08:00:00+08:00') };
  const activity = Object.assign(new ActivityEntity(), { id: 'a1', status: 'scheduled', startsAt: at('2026-12-20T09:00:00+08:00'), endsAt: at('2026-12-20T11:00:00+08:00'), capacity, signedUp: 0 });
  const signUps = new Map<string, SignUpEntity>();
  const activities = {
    lock: jest.fn(async () => activity),
    findSignUp: jest.fn(async (_: string, memberId: string) => signUps.get(memberId) ?? null),
    addSignUp: jest.fn((data: Partial<SignUpEntity>) => {
      const s = Object.assign(new SignUpEntity(), data);
      signUps.set(s.memberId, s);
      return s;
    }),
    save: jest.fn(async () => undefined),
  };
  const access = {
    acting: jest.fn(async (_: Caller, memberId?: string) => ({ member: { id: memberId ?? 'm1', organisationId: 'o1', path: ['S'] }, byKeeper: memberId !== undefined })),
    checkAudience: jest.fn(async () => undefined),
  };
  const clock: Clock = { now: () => now.value };
  const useCase = new SignUpUseCase(activities as unknown as ActivityRepository, access as unknown as ActivityAccess, immediateTransactions, clock);
  const signUp = (memberId?: string) => useCase.execute(new SignUpCommand(MEMBER, 'a1', memberId)).catch((e: unknown) => e as Error & { code: string });
  return { activity, now, signUp, signUps };
}

describe(SignUpUseCase.name, () => {
  it('signs up until the seats are taken, then refuses as full', async () => {
    const { activity, signUp } = setup(2);
    expect(await signUp()).toMatchObject({ memberId: 'm1', status: 'signed_up' });
    expect(await signUp('m2')).toMatchObject({ memberId: 'm2' });
    expect(await signUp('m3')).toMatchObject({ code: PartyErrorCode.ActivityFull });
    expect(activity.signedUp).toBe(2);
  });

  it('answers the same sign-up when signing up twice, taking no second seat', async () => {
    const { activity, signUp } = setup(2);
    const first = await signUp();
    expect(await signUp()).toEqual(first);
    expect(activity.signedUp).toBe(1);
  });

  it('refuses sign-up once the activity started or when it is cancelled', async () => {
    const started = setup();
    started.now.value = at('2026-12-20T09:00:00+08:00');
    expect(await started.signUp()).toMatchObject({ code: PartyErrorCode.ActivityClosed });
    const cancelled = setup();
    cancelled.activity.status = 'cancelled';
    expect(await cancelled.signUp()).toMatchObject({ code: PartyErrorCode.ActivityClosed });
  });

  it('restores a cancelled sign-up when the member signs up again', async () => {
    const { activity, signUp, signUps } = setup();
    await signUp();
    Object.assign(signUps.get('m1') as SignUpEntity, { status: 'cancelled', cancelledAt: at('2026-12-20T07:00:00+08:00') });
    activity.signedUp = 0;
    expect(await signUp()).toMatchObject({ status: 'signed_up', cancelledAt: null });
    expect(activity.signedUp).toBe(1);
  });
});
