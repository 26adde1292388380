import { Injectable } from '@nestjs/common';
import { requireRole } from '@gridline/auth';
import { PersonalDataService } from '@gridline/persistence';
import type { MemberView } from '@gridline/contracts-party-building';
import { ownMemberNotFound } from '../../member.errors';
import { toMemberView } from '../../member.mapper';
import { MemberRepository } from '../../member.repository';
import type { GetOwnMemberQuery } from './get-own-member.query';

/** The `party_member` caller's own record (the member whose `account` is the token's subject), masked; no scope needed. */
@Injectable()
export class GetOwnMemberUseCase {
  constructor(
    private readonly members: MemberRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller }: GetOwnMemberQuery): Promise<MemberView> {
    requireRole(caller, ['party_member'], 'read their own member record');
    const member = await this.members.findByAccount(caller.sub);
    if (!member) throw ownMemberNotFound();
    return toMemberView(member, this.personalData);
  }
}
