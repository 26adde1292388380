import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { TransactionRunner } from '@gridline/persistence';
import type { SignUpView } from '@gridline/contracts-party-building';
import { Clock } from '../../../clock';
import { ActivityAccess } from '../../activity-access';
import { activityClosed, activityFull, activityNotFound } from '../../activity.errors';
import { toSignUpView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import { hasSeat, signUpProblem } from '../../activity-rules';
import type { SignUpCommand } from './sign-up.command';

/**
 * Signs a member up before the activity starts, while a seat is free. The activity's row is locked for the count, so
 * two sign-ups for the last seat cannot both take it. Signing up again answers the same sign-up.
 */
@Injectable()
export class SignUpUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly access: ActivityAccess,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, id, memberId }: SignUpCommand): Promise<SignUpView> {
    const acting = await this.access.acting(caller, memberId);
    return this.transactions.run(async () => {
      const activity = await this.activities.lock(id);
      if (!activity) throw activityNotFound(id);
      await this.access.checkAudience(caller, activity, acting);
      const existing = await this.activities.findSignUp(id, acting.member.id);
      if (existing?.status === 'signed_up') return toSignUpView(existing);
      const now = this.clock.now();
      const problem = signUpProblem(activity, now);
      if (problem) throw activityClosed(id, problem);
      if (!hasSeat(activity)) throw activityFull(id, activity.capacity);
      const signUp = existing ?? this.activities.addSignUp({ id: randomUUID(), activityId: id, memberId: acting.member.id, signedUpAt: now });
      Object.assign(signUp, { status: 'signed_up', signedUpAt: now, cancelledAt: null, walkIn: false });
      activity.signedUp += 1;
      activity.updatedAt = now;
      await this.activities.save();
      return toSignUpView(signUp);
    });
  }
}
