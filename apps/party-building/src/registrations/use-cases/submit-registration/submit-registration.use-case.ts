import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, PARTY_REGISTRANTS, hasAnyRole, requireRole, type Caller } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import { partyInvalid, type RegistrationView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { unitRefused } from '../../../organisations/organisation.errors';
import { memberNotFound } from '../../../members/member.errors';
import { registrationCurrent } from '../../registration.errors';
import { RegistrationAccess } from '../../registration-access';
import { RegistrationMembers, type RegisteredMember } from '../../registration-members';
import { RegistrationRepository } from '../../registration.repository';
import { periodProblem, placementProblem } from '../../registration-rules';
import { RegistrationViews } from '../../registration-views';
import type { SubmitRegistrationCommand } from './submit-registration.command';

/**
 * Submits an in-service member's registration with the community they live in: an active grid (or exclusive grid)
 * beneath an active community, a real period, and no other current registration of the member (409, naming it only
 * to a caller who may see it). The member submits their own; a keeper submits for a member they may see, in a grid
 * they keep.
 */
@Injectable()
export class SubmitRegistrationUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly members: RegistrationMembers,
    private readonly access: RegistrationAccess,
    private readonly reference: RegistryReference,
    private readonly units: ReferenceRepository,
    private readonly views: RegistrationViews,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, registration: input }: SubmitRegistrationCommand): Promise<RegistrationView> {
    requireRole(caller, PARTY_REGISTRANTS, 'submit dual registrations');
    const startsOn = input.startsOn ?? chinaDay();
    const endsOn = input.endsOn ?? null;
    const period = periodProblem(startsOn, endsOn);
    if (period) throw partyInvalid(period.field, period.reason);
    const { member, own } = await this.memberOf(caller, input.memberId);
    await this.reference.prefetch({ unit: [input.communityCode, input.gridCode] });
    return this.transactions.run(async () => {
      const community = await this.units.unit(input.communityCode);
      const grid = await this.units.unit(input.gridCode);
      // A member registers with any community (their home one); a keeper only in the grids they keep.
      if (!grid || (!own && !PartyScope.keeps(caller, grid.path))) throw unitRefused('gridCode', 'is not a unit in your scope');
      if (!community) throw unitRefused('communityCode', 'is not a unit of the map');
      const placement = placementProblem(community, grid);
      if (placement) throw unitRefused(placement.field, placement.reason);
      const current = await this.registrations.findCurrentOfMember(member.id);
      if (current) throw registrationCurrent(member.id, (await this.access.reads(caller, current)) ? current.id : null);
      const created = this.registrations.add({
        id: randomUUID(),
        memberId: member.id,
        workUnit: input.workUnit,
        workUnitPartyOrganisation: input.workUnitPartyOrganisation,
        communityCode: community.code,
        gridCode: grid.code,
        path: [...grid.path],
        post: input.post,
        postNote: input.postNote ?? null,
        startsOn,
        endsOn,
        submittedBy: caller.sub,
      });
      if (!(await this.registrations.save())) throw registrationCurrent(member.id, null);
      return this.views.one(created);
    });
  }

  /** The member registered: the caller's own record (a member), or the one named (a keeper, who must see it). */
  private async memberOf(caller: Caller, memberId: string | undefined): Promise<{ member: RegisteredMember; own: boolean }> {
    const self = hasAnyRole(caller, ['party_member']) ? await this.members.byAccount(caller.sub) : null;
    if (self && (memberId === undefined || memberId === self.id)) return { member: self, own: true };
    if (memberId === undefined) throw partyInvalid('memberId', self === null && hasAnyRole(caller, ['party_member']) ? 'is required: your account is not linked to a party member' : 'is required');
    const member = hasAnyRole(caller, PARTY_KEEPERS) ? await this.members.byId(memberId) : null;
    if (!member || !this.members.readable(caller, member)) throw memberNotFound(memberId);
    return { member, own: false };
  }
}
