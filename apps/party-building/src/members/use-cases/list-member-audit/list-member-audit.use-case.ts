import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { mapItems, type OffsetPage } from '@gridline/platform';
import type { MemberAuditEntryView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { toMemberAuditEntryView } from '../../member.mapper';
import { MemberRepository } from '../../member.repository';
import type { ListMemberAuditQuery } from './list-member-audit.query';

/** The reveals of members in the keeper's scope (as the member stood then), newest first. */
@Injectable()
export class ListMemberAuditUseCase {
  constructor(private readonly members: MemberRepository) {}

  async execute({ caller, query }: ListMemberAuditQuery): Promise<OffsetPage<MemberAuditEntryView>> {
    requireRole(caller, PARTY_KEEPERS, 'read the reveal log of party members');
    return mapItems(await this.members.auditPage(PartyScope.units(caller), query), toMemberAuditEntryView);
  }
}
