import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import { normalizeUscc } from '@gridline/contracts-registry';
import { partyInvalid, type MemberUnitView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { committeeNotFound, committeeRule, memberUnitTaken } from '../../committee.errors';
import { toMemberUnitView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import { hasLeft, membershipDatesProblem } from '../../committee-rules';
import type { AddMemberUnitCommand } from './add-member-unit.command';

/**
 * Adds a member unit to an active committee the caller keeps: it joins on or after the founding and not after today;
 * a credit code is held by one current member at most (409 naming it). The contact's phone is stored encrypted.
 */
@Injectable()
export class AddMemberUnitUseCase {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly personalData: PersonalDataService,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, memberUnit: input }: AddMemberUnitCommand): Promise<MemberUnitView> {
    requireRole(caller, PARTY_KEEPERS, 'change work committees');
    const today = chinaDay();
    return this.transactions.run(async () => {
      const committee = await this.committees.lockCommittee(input.committeeId);
      if (!committee || !PartyScope.keeps(caller, committee.path)) throw committeeNotFound('committee', input.committeeId);
      if (!committee.active) throw committeeRule('committeeId', 'is a dissolved committee');
      const problem = membershipDatesProblem({ joinedOn: input.joinedOn, leftOn: null }, committee.foundedOn, today);
      if (problem) throw partyInvalid(problem.field, problem.reason);
      const members = (await this.committees.memberUnits(committee.id)).filter((m) => !hasLeft(m, today));
      const uscc = input.uscc === undefined ? null : normalizeUscc(input.uscc);
      const holder = uscc ? members.find((m) => m.uscc === uscc) : undefined;
      if (uscc && holder) throw memberUnitTaken(uscc, holder.id);
      const added = this.committees.addMemberUnit(
        committee,
        {
          id: randomUUID(),
          committeeId: committee.id,
          kind: input.kind,
          name: input.name,
          uscc,
          contactPost: input.contactPost,
          contactName: input.contactName,
          contactPhoneEnc: this.personalData.protectPhone(input.contactPhone).enc,
          joinedOn: input.joinedOn,
        },
        members.length + 1,
      );
      committee.updatedAt = new Date();
      await this.committees.save();
      return toMemberUnitView(added, this.personalData, today);
    });
  }
}
