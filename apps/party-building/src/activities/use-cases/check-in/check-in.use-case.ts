import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { TransactionRunner } from '@gridline/persistence';
import { AppError, chinaDay } from '@gridline/platform';
import { PartyErrorCode, type CheckInView } from '@gridline/contracts-party-building';
import { ServiceLedger } from '../../../ledger/service-ledger';
import { Clock } from '../../../clock';
import { ActivityAccess } from '../../activity-access';
import type { ActivityEntity, SignUpEntity } from '../../activity.entity';
import { activityClosed, activityFull, activityNotFound, alreadyCheckedIn, checkInLocked, codeRefused } from '../../activity.errors';
import { hoursOf, toSignUpView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import { codeState, hasSeat, hashCheckInCode, lockedOut } from '../../activity-rules';
import { CheckInRepository } from '../../check-in.repository';
import type { CheckInCommand } from './check-in.command';

/**
 * A member checks in with the code shown at the activity. A member signed up attends; one not signed up (of the
 * activity's audience) attends as a walk-in when a seat is free. Attendance is recorded once: checking in again is
 * 409; the hours are credited to the member's service ledger with it (ServiceLedger.credit, once). A wrong code counts against the member for the current code and is kept even though the answer is an error;
 * past CHECK_IN_MAX_WRONG the member is locked out until a new code is opened.
 */
@Injectable()
export class CheckInUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly checkIns: CheckInRepository,
    private readonly access: ActivityAccess,
    private readonly ledger: ServiceLedger,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, id, code }: CheckInCommand): Promise<CheckInView> {
    const member = await this.access.self(caller);
    const outcome = await this.transactions.run(async (): Promise<CheckInView | 'wrong'> => {
      // The lock serialises check-ins and sign-ups of the activity: a retried check-in finds the first one's attendance.
      const activity = await this.activities.lock(id);
      if (!activity) throw activityNotFound(id);
      const signUp = await this.activities.findSignUp(id, member.id);
      const signedUp = signUp?.status === 'signed_up';
      if (!signedUp && !(await this.access.admits(activity, member))) throw activityNotFound(id);
      if (signedUp && signUp?.attendedAt) throw alreadyCheckedIn(id, signUp.attendedAt);
      if (activity.status === 'cancelled') throw activityClosed(id, 'the activity is cancelled');
      const current = await this.checkIns.current(id);
      if (!current) throw codeRefused('not_open');
      if (lockedOut(await this.checkIns.wrong(current.id, member.id))) throw checkInLocked(id);
      const stored = await this.checkIns.findByHash(id, hashCheckInCode(id, code));
      if (!stored) {
        await this.checkIns.addWrong(current.id, member.id);
        return 'wrong';
      }
      const now = this.clock.now();
      const state = codeState(stored, now);
      if (state !== 'valid') throw codeRefused(state);
      const attendee = signedUp && signUp ? signUp : this.walkIn(activity, signUp, member.id, now);
      attendee.attendedAt = now;
      this.activities.attended(activity, attendee);
      await this.activities.save();
      return { signUp: toSignUpView(attendee), ...(await this.credit(activity, member.id, now)) };
    });
    // The wrong code's count has committed; only now is the member told.
    if (outcome === 'wrong') throw codeRefused('wrong');
    return outcome;
  }

  /**
   * Credits the activity's hours to the member's ledger, in this transaction: the attendance is recorded once (the
   * lock above), and the ledger books once per member and activity besides. A member's day already full (24 hours)
   * keeps the attendance without hours, saying why.
   */
  private async credit(activity: ActivityEntity, memberId: string, now: Date): Promise<Omit<CheckInView, 'signUp'>> {
    if (activity.halfHours === 0) return { hours: 0, serviceRecordId: null, creditRefused: null };
    try {
      const { record } = await this.ledger.credit({ memberId, source: { kind: 'activity', id: activity.id }, day: chinaDay(now), hours: hoursOf(activity) });
      return { hours: record.hours, serviceRecordId: record.id, creditRefused: null };
    } catch (error) {
      if (error instanceof AppError && error.code === PartyErrorCode.ServiceDayFull) return { hours: 0, serviceRecordId: null, creditRefused: error.message };
      throw error;
    }
  }

  /** A member checking in without a sign-up takes a free seat (their cancelled sign-up, if any, comes back). */
  private walkIn(activity: ActivityEntity, cancelled: SignUpEntity | null, memberId: string, now: Date): SignUpEntity {
    if (!hasSeat(activity)) throw activityFull(activity.id, activity.capacity);
    const signUp = cancelled ?? this.activities.addSignUp({ id: randomUUID(), activityId: activity.id, memberId, signedUpAt: now });
    Object.assign(signUp, { status: 'signed_up', signedUpAt: now, cancelledAt: null, walkIn: true });
    activity.signedUp += 1;
    activity.updatedAt = now;
    return signUp;
  }
}
