import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { OrganisationView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { toOrganisationView } from '../../organisation.mapper';
import { OrganisationRepository } from '../../organisation.repository';
import type { ListOrganisationsQuery } from './list-organisations.query';

/** Organisations in the caller's scope, by unit, level and parent. */
@Injectable()
export class ListOrganisationsUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly units: ReferenceRepository,
  ) {}

  async execute({ caller, query }: ListOrganisationsQuery): Promise<OffsetPage<OrganisationView>> {
    requireRole(caller, PARTY_READERS, 'read party organisations');
    const page = await this.organisations.page(PartyScope.units(caller), query);
    const units = await this.units.find({ unit: page.items.map((o) => o.unitCode) });
    return { ...page, items: page.items.map((o) => toOrganisationView(o, units.get('unit', o.unitCode))) };
  }
}
