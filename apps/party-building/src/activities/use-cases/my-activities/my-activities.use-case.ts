import { Injectable } from '@nestjs/common';
import type { OffsetPage } from '@gridline/platform';
import type { MemberActivityView } from '@gridline/contracts-party-building';
import { ActivityAccess } from '../../activity-access';
import { toActivityView, toSignUpView } from '../../activity.mapper';
import { ActivityRepository } from '../../activity.repository';
import type { MyActivitiesQuery } from './my-activities.query';

/** A party member's own activities: every sign-up of theirs (cancelled ones too), latest start first. */
@Injectable()
export class MyActivitiesUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly access: ActivityAccess,
  ) {}

  async execute({ caller, query }: MyActivitiesQuery): Promise<OffsetPage<MemberActivityView>> {
    const member = await this.access.self(caller);
    const page = await this.activities.memberPage(member.id, query);
    return { ...page, items: page.items.map(({ activity, signUp }) => ({ activity: toActivityView(activity), signUp: toSignUpView(signUp) })) };
  }
}
