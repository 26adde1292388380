import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { OrganisationDetailView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { organisationNotFound } from '../../organisation.errors';
import { toOfficerView } from '../../officer.mapper';
import { OfficerMembers } from '../../officer-members';
import { OfficerRepository } from '../../officer.repository';
import { toOrganisationView } from '../../organisation.mapper';
import { OrganisationRepository } from '../../organisation.repository';
import { currentTerms } from '../../officer-rules';
import type { GetOrganisationQuery } from './get-organisation.query';

/** One organisation in the caller's scope, with its current officers and who directs the community grid centre. */
@Injectable()
export class GetOrganisationUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly officers: OfficerRepository,
    private readonly members: OfficerMembers,
    private readonly units: ReferenceRepository,
  ) {}

  async execute({ caller, id }: GetOrganisationQuery): Promise<OrganisationDetailView> {
    requireRole(caller, PARTY_READERS, 'read party organisations');
    const organisation = await this.organisations.findById(id);
    if (!organisation || !PartyScope.reads(caller, organisation.path)) throw organisationNotFound(id);
    const today = chinaDay();
    const terms = currentTerms(await this.officers.currentIn([organisation.id], today), today);
    const names = await this.members.maskedNames(caller, terms.map((o) => o.memberId));
    const officers = terms.map((o) => toOfficerView(o, names.get(o.memberId) ?? null, today));
    return {
      ...toOrganisationView(organisation, await this.units.unit(organisation.unitCode)),
      officers,
      gridCentreDirector: officers.find((o) => o.directsGridCentre) ?? null,
    };
  }
}
