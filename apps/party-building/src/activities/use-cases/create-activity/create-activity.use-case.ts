import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { partyInvalid, type ActivityView } from '@gridline/contracts-party-building';
import { Clock } from '../../../clock';
import { ActivityDrafts } from '../../activity-drafts';
import { toActivityView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import type { CreateActivityCommand } from './create-activity.command';

/**
 * Schedules an activity of an active organisation of the caller's units: it starts in the future and ends after it
 * starts; its place is an active red station of the caller's units that offers activities, or an address.
 */
@Injectable()
export class CreateActivityUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly drafts: ActivityDrafts,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, activity: input }: CreateActivityCommand): Promise<ActivityView> {
    requireRole(caller, PARTY_KEEPERS, 'schedule party activities');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (startsAt.getTime() <= this.clock.now().getTime()) throw partyInvalid('startsAt', 'must be in the future');
    if (endsAt.getTime() <= startsAt.getTime()) throw partyInvalid('endsAt', 'must be after startsAt');
    return this.transactions.run(async () => {
      const created = await this.drafts.add(caller, input);
      await this.activities.save();
      return toActivityView(created);
    });
  }
}
