import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import type { ActivityView } from '@gridline/contracts-party-building';
import { Clock } from '../../../clock';
import { PartyScope } from '../../../scope/party-scope';
import { activityClosed, activityNotFound } from '../../activity.errors';
import { toActivityView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import { cancelActivityProblem } from '../../activity-rules';
import type { CancelActivityCommand } from './cancel-activity.command';

/** Cancels an activity that has not ended; `activity.cancelled` names the members signed up, to tell them. */
@Injectable()
export class CancelActivityUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, id, reason }: CancelActivityCommand): Promise<ActivityView> {
    requireRole(caller, PARTY_KEEPERS, 'cancel party activities');
    return this.transactions.run(async () => {
      const activity = await this.activities.lock(id);
      if (!activity || !PartyScope.keeps(caller, activity.path)) throw activityNotFound(id);
      const problem = cancelActivityProblem(activity, this.clock.now());
      if (problem) throw activityClosed(id, problem);
      activity.status = 'cancelled';
      activity.cancelReason = reason;
      await this.activities.cancelled(activity);
      await this.activities.save();
      return toActivityView(activity);
    });
  }
}
