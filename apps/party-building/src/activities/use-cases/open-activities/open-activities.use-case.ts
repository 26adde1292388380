import { Injectable } from '@nestjs/common';
import type { OffsetPage } from '@gridline/platform';
import type { OpenActivityView } from '@gridline/contracts-party-building';
import { Clock } from '../../../clock';
import { ActivityAccess } from '../../activity-access';
import { toActivityView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import { seatsLeft } from '../../activity-rules';
import type { OpenActivitiesQuery } from './open-activities.query';

/**
 * What a party member may still sign up to: scheduled, not started, a seat free, whose audience admits them (the
 * rule sign-up checks), not signed up to already; soonest first, with the seats left.
 */
@Injectable()
export class OpenActivitiesUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly access: ActivityAccess,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, query }: OpenActivitiesQuery): Promise<OffsetPage<OpenActivityView>> {
    const member = await this.access.self(caller);
    const page = await this.activities.openPage(member.id, await this.access.audienceOf(member), this.clock.now(), query);
    return { ...page, items: page.items.map((activity) => ({ activity: toActivityView(activity), seatsLeft: seatsLeft(activity) })) };
  }
}
