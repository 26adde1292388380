import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { mapItems, type OffsetPage } from '@gridline/platform';
import { PersonalDataService } from '@gridline/persistence';
import type { MemberView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { toMemberView } from '../../member.mapper';
import { MemberRepository } from '../../member.repository';
import type { ListMembersQuery } from './list-members.query';

/**
 * Members in the caller's scope by organisation, unit and status; an ID number or phone is searched exactly, through
 * its keyed hash (never compared in clear).
 */
@Injectable()
export class ListMembersUseCase {
  constructor(
    private readonly members: MemberRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, query }: ListMembersQuery): Promise<OffsetPage<MemberView>> {
    requireRole(caller, PARTY_READERS, 'read party members');
    const page = await this.members.page(
      PartyScope.units(caller),
      {
        organisationId: query.organisationId,
        unit: query.unit,
        status: query.status,
        idNumberIndex: query.idNumber ? this.personalData.indexIdNumber(query.idNumber) : undefined,
        phoneIndex: query.phone ? this.personalData.indexPhone(query.phone) : undefined,
      },
      query,
    );
    return mapItems(page, (m) => toMemberView(m, this.personalData));
  }
}
