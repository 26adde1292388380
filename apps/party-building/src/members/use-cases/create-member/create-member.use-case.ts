import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay, parseResidentId } from '@gridline/platform';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import { partyInvalid, type MemberView } from '@gridline/contracts-party-building';
import { OrganisationRepository } from '../../../organisations/organisation.repository';
import { unitRefused } from '../../../organisations/organisation.errors';
import { PartyScope } from '../../../scope/party-scope';
import { memberTaken } from '../../member.errors';
import { toMemberView } from '../../member.mapper';
import { MemberRepository } from '../../member.repository';
import { homeGridProblem, joinedOnProblem } from '../../member-rules';
import type { CreateMemberCommand } from './create-member.command';

/**
 * Registers a party member with an active organisation of the caller's scope: ID number unique among members (409
 * naming the other only to a caller who may see them), joined on a day not in the future, living on a grid of the
 * map. Name, ID number and phone are stored encrypted; the answer masks them.
 */
@Injectable()
export class CreateMemberUseCase {
  constructor(
    private readonly members: MemberRepository,
    private readonly organisations: OrganisationRepository,
    private readonly reference: RegistryReference,
    private readonly units: ReferenceRepository,
    private readonly personalData: PersonalDataService,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, member: input }: CreateMemberCommand): Promise<MemberView> {
    requireRole(caller, PARTY_KEEPERS, 'register party members');
    const joined = joinedOnProblem(input.joinedOn, parseResidentId(input.idNumber).birthDate, chinaDay());
    if (joined) throw partyInvalid('joinedOn', joined);
    await this.reference.prefetch({ unit: [input.homeGridCode] });
    const idNumber = this.personalData.protectIdNumber(input.idNumber);
    const phone = this.personalData.protectPhone(input.phone);
    try {
      return await this.transactions.run(async () => {
        const organisation = await this.organisations.findById(input.organisationId);
        if (!organisation || !PartyScope.keeps(caller, organisation.path)) throw unitRefused('organisationId', 'is not an organisation in your scope');
        if (!organisation.active) throw unitRefused('organisationId', 'is a dissolved organisation');
        const home = homeGridProblem(await this.units.unit(input.homeGridCode));
        if (home) throw unitRefused('homeGridCode', home);
        await this.refuseTaken(caller, idNumber.index, input.account ?? null);
        const created = this.members.add({
          id: randomUUID(),
          nameEnc: this.personalData.protectName(input.name),
          idNumberEnc: idNumber.enc,
          idNumberIndex: idNumber.index,
          phoneEnc: phone.enc,
          phoneIndex: phone.index,
          status: input.status,
          joinedOn: input.joinedOn,
          organisationId: organisation.id,
          path: [...organisation.path],
          homeGridCode: input.homeGridCode,
          account: input.account ?? null,
        });
        await this.members.save();
        return toMemberView(created, this.personalData);
      });
    } catch (error) {
      // Two registrations of one ID number (or account) at once: the loser is told as if it had come second.
      if (error instanceof UniqueConstraintViolationException) await this.refuseTaken(caller, idNumber.index, input.account ?? null);
      throw error;
    }
  }

  private async refuseTaken(caller: CreateMemberCommand['caller'], idNumberIndex: string, account: string | null): Promise<void> {
    const holder = await this.members.findByIdNumberIndex(idNumberIndex);
    if (holder) throw memberTaken('idNumber', holder, PartyScope.reads(caller, holder.path));
    const linked = account ? await this.members.findByAccount(account) : null;
    if (linked) throw memberTaken('account', linked, PartyScope.reads(caller, linked.path));
  }
}
