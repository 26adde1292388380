import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import { partyInvalid, type MemberView } from '@gridline/contracts-party-building';
import { OrganisationRepository } from '../../../organisations/organisation.repository';
import { unitRefused } from '../../../organisations/organisation.errors';
import { PartyScope } from '../../../scope/party-scope';
import { memberNotFound, memberTaken } from '../../member.errors';
import { toMemberView } from '../../member.mapper';
import { MemberRepository } from '../../member.repository';
import { homeGridProblem, statusChangeProblem } from '../../member-rules';
import type { UpdateMemberCommand } from './update-member.command';

/**
 * Changes a member's status, phone, home grid or account, or transfers them to another active organisation of the
 * caller's scope (the member's scope path follows: `member.transferred`, with where they came from). The member
 * must be in the caller's keeping; nothing changed records no event.
 */
@Injectable()
export class UpdateMemberUseCase {
  constructor(
    private readonly members: MemberRepository,
    private readonly organisations: OrganisationRepository,
    private readonly reference: RegistryReference,
    private readonly units: ReferenceRepository,
    private readonly personalData: PersonalDataService,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, changes }: UpdateMemberCommand): Promise<MemberView> {
    requireRole(caller, PARTY_KEEPERS, 'change party members');
    if (Object.values(changes).every((value) => value === undefined)) throw partyInvalid('body', 'must change status, phone, organisationId, homeGridCode or account');
    if (changes.homeGridCode) await this.reference.prefetch({ unit: [changes.homeGridCode] });
    const phone = changes.phone !== undefined ? this.personalData.protectPhone(changes.phone) : null;
    try {
      return await this.transactions.run(async () => {
        const member = await this.members.lock(id);
        if (!member || !PartyScope.keeps(caller, member.path)) throw memberNotFound(id);
        const changed: string[] = [];
        let from: { organisationId: string; path: string[] } | undefined;
        if (changes.status !== undefined && changes.status !== member.status) {
          const problem = statusChangeProblem(member.status, changes.status);
          if (problem) throw partyInvalid('status', problem);
          member.status = changes.status;
          changed.push('status');
        }
        if (phone && phone.index !== member.phoneIndex) {
          member.phoneEnc = phone.enc;
          member.phoneIndex = phone.index;
          changed.push('phone');
        }
        if (changes.homeGridCode !== undefined && changes.homeGridCode !== member.homeGridCode) {
          const problem = homeGridProblem(await this.units.unit(changes.homeGridCode));
          if (problem) throw unitRefused('homeGridCode', problem);
          member.homeGridCode = changes.homeGridCode;
          changed.push('homeGridCode');
        }
        if (changes.account !== undefined && changes.account !== member.account) {
          const linked = changes.account ? await this.members.findByAccount(changes.account) : null;
          if (linked) throw memberTaken('account', linked, PartyScope.reads(caller, linked.path));
          member.account = changes.account;
          changed.push('account');
        }
        if (changes.organisationId !== undefined && changes.organisationId !== member.organisationId) {
          const organisation = await this.organisations.findById(changes.organisationId);
          if (!organisation || !PartyScope.keeps(caller, organisation.path)) throw unitRefused('organisationId', 'is not an organisation in your scope');
          if (!organisation.active) throw unitRefused('organisationId', 'is a dissolved organisation');
          from = { organisationId: member.organisationId, path: [...member.path] };
          member.organisationId = organisation.id;
          member.path = [...organisation.path];
          changed.push('organisationId');
        }
        if (changed.length > 0) {
          this.members.changed(member, changed, from);
          await this.members.save();
        }
        return toMemberView(member, this.personalData);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && changes.account) {
        const linked = await this.members.findByAccount(changes.account);
        if (linked) throw memberTaken('account', linked, PartyScope.reads(caller, linked.path));
      }
      throw error;
    }
  }
}
