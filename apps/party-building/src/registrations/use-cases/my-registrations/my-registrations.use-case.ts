import { Injectable } from '@nestjs/common';
import { requireRole } from '@gridline/auth';
import { offsetPage, type OffsetPage } from '@gridline/platform';
import type { RegistrationView } from '@gridline/contracts-party-building';
import { RegistrationMembers } from '../../registration-members';
import { RegistrationRepository } from '../../registration.repository';
import { RegistrationViews } from '../../registration-views';
import type { MyRegistrationsQuery } from './my-registrations.query';

/** The signed-in member's own registrations (none when the account is linked to no member). */
@Injectable()
export class MyRegistrationsUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly members: RegistrationMembers,
    private readonly views: RegistrationViews,
  ) {}

  async execute({ caller, query }: MyRegistrationsQuery): Promise<OffsetPage<RegistrationView>> {
    requireRole(caller, ['party_member'], 'list your own registrations');
    const member = await this.members.byAccount(caller.sub);
    if (!member) return offsetPage([], 0, query);
    const page = await this.registrations.pageOfMember(member.id, query);
    return { ...page, items: await this.views.many(page.items) };
  }
}
