import { Injectable } from '@nestjs/common';
import { PARTY_READERS, hasAnyRole, requireRole } from '@gridline/auth';
import type { ActivityView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
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
    if (!activity) throw activityNotFound(id);
    if (hasAnyRole(caller, PARTY_READERS) && PartyScope.reads(caller, activity.path)) return toActivityView(activity);
    const member = await this.access.ownRecord(caller);
    if (member && ((await this.access.admits(activity, member)) || (await this.activities.findSignUp(id, member.id)))) return toActivityView(activity);
    throw activityNotFound(id);
  }
}
