import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import type { ActivityView } from '@gridline/contracts-party-building';
import { ActivityAccess } from '../../activity-access';
import { activityNotFound } from '../../activity.errors';
import { toActivityView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import type { GetActivityQuery } from './get-activity.query';

/** One activity: for readers of its units, and for a party member of its audience (or signed up to it). */
@Injectable()
export class GetActivityUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly access: ActivityAccess,
  ) {}

  async execute({ caller, id }: GetActivityQuery): Promise<ActivityView> {
    requireRole(caller, [...PARTY_READERS, 'party_member'], 'read party activities');
    const activity = await this.activities.findById(id);
    if (!activity || !(await this.access.mayRead(caller, activity))) throw activityNotFound(id);
    return toActivityView(activity);
  }
}
