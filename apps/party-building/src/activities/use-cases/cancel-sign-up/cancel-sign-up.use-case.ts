import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import type { SignUpView } from '@gridline/contracts-party-building';
import { Clock } from '../../../clock';
import { PartyScope } from '../../../scope/party-scope';
import { ActivityAccess } from '../../activity-access';
import { activityClosed, activityNotFound, signUpNotFound } from '../../activity.errors';
import { toSignUpView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import { cancelSignUpProblem } from '../../activity-rules';
import type { CancelSignUpCommand } from './cancel-sign-up.command';

/** Withdraws a sign-up before the start (not once checked in), freeing its seat; a cancelled one answers as it is. */
@Injectable()
export class CancelSignUpUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly access: ActivityAccess,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, id, memberId }: CancelSignUpCommand): Promise<SignUpView> {
    const { member, byKeeper } = await this.access.acting(caller, memberId);
    return this.transactions.run(async () => {
      const activity = await this.activities.lock(id);
      if (!activity || (byKeeper && !PartyScope.keeps(caller, activity.path))) throw activityNotFound(id);
      const signUp = await this.activities.findSignUp(id, member.id);
      if (!signUp) throw signUpNotFound(id, member.id);
      if (signUp.status === 'cancelled') return toSignUpView(signUp);
      const now = this.clock.now();
      const problem = signUp.attendedAt ? 'the member has checked in' : cancelSignUpProblem(activity, now);
      if (problem) throw activityClosed(id, problem);
      signUp.status = 'cancelled';
      signUp.cancelledAt = now;
      activity.signedUp -= 1;
      activity.updatedAt = now;
      await this.activities.save();
      return toSignUpView(signUp);
    });
  }
}
