import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { OrganisationView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { organisationNotFound } from '../../organisation.errors';
import { toOrganisationView } from '../../organisation.mapper';
import { OrganisationRepository } from '../../organisation.repository';
import type { GetOrganisationQuery } from './get-organisation.query';

/** One organisation in the caller's scope. */
@Injectable()
export class GetOrganisationUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly units: ReferenceRepository,
  ) {}

  async execute({ caller, id }: GetOrganisationQuery): Promise<OrganisationView> {
    requireRole(caller, PARTY_READERS, 'read party organisations');
    const organisation = await this.organisations.findById(id);
    if (!organisation || !PartyScope.reads(caller, organisation.path)) throw organisationNotFound(id);
    return toOrganisationView(organisation, await this.units.unit(organisation.unitCode));
  }
}
