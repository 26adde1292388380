import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { RequestContext } from '@gridline/platform';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import type { RevealedMemberView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { memberNotFound } from '../../member.errors';
import { MemberRepository } from '../../member.repository';
import type { RevealMemberCommand } from './reveal-member.command';

/**
 * Shows a member's name, ID number or phone in clear to a keeper of the member's unit, as the registry does for
 * residents: the audit entry (who, roles, what, when, why) commits before anything is shown — no entry, no reveal.
 */
@Injectable()
export class RevealMemberUseCase {
  constructor(
    private readonly members: MemberRepository,
    private readonly personalData: PersonalDataService,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, fields, reason }: RevealMemberCommand): Promise<RevealedMemberView> {
    requireRole(caller, PARTY_KEEPERS, 'reveal party members’ personal data');
    const member = await this.members.findById(id);
    if (!member || !PartyScope.keeps(caller, member.path)) throw memberNotFound(id);
    await this.transactions.run(async () => {
      this.members.addAuditEntry({
        actor: caller.sub,
        actorRoles: caller.roles,
        memberId: member.id,
        path: [...member.path],
        fields,
        reason,
        correlationId: RequestContext.correlationId() ?? null,
      });
      await this.members.save();
    });
    return {
      id: member.id,
      ...(fields.includes('name') ? { name: this.personalData.reveal(member.nameEnc) } : {}),
      ...(fields.includes('idNumber') ? { idNumber: this.personalData.reveal(member.idNumberEnc) } : {}),
      ...(fields.includes('phone') ? { phone: this.personalData.reveal(member.phoneEnc) } : {}),
    };
  }
}
