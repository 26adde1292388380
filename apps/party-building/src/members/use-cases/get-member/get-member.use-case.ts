import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { PersonalDataService } from '@gridline/persistence';
import type { MemberView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { memberNotFound } from '../../member.errors';
import { toMemberView } from '../../member.mapper';
import { MemberRepository } from '../../member.repository';
import type { GetMemberQuery } from './get-member.query';

/** One member in the caller's scope, masked. */
@Injectable()
export class GetMemberUseCase {
  constructor(
    private readonly members: MemberRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, id }: GetMemberQuery): Promise<MemberView> {
    requireRole(caller, PARTY_READERS, 'read party members');
    const member = await this.members.findById(id);
    if (!member || !PartyScope.reads(caller, member.path)) throw memberNotFound(id);
    return toMemberView(member, this.personalData);
  }
}
