import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import type { OfficerView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { organisationNotFound } from '../../organisation.errors';
import { toOfficerView } from '../../officer.mapper';
import { OfficerMembers } from '../../officer-members';
import { OfficerRepository } from '../../officer.repository';
import { OrganisationRepository } from '../../organisation.repository';
import type { ListOfficersQuery } from './list-officers.query';

/** The history of an organisation's officers (newest term first), for a reader of the organisation. */
@Injectable()
export class ListOfficersUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly officers: OfficerRepository,
    private readonly members: OfficerMembers,
  ) {}

  async execute({ caller, organisationId }: ListOfficersQuery): Promise<OfficerView[]> {
    requireRole(caller, PARTY_READERS, 'read party officers');
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation || !PartyScope.reads(caller, organisation.path)) throw organisationNotFound(organisationId);
    const today = chinaDay();
    const terms = await this.officers.ofOrganisation(organisation.id);
    const names = await this.members.maskedNames(caller, terms.map((o) => o.memberId));
    return terms.map((o) => toOfficerView(o, names.get(o.memberId) ?? null, today));
  }
}
