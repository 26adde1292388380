import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { ORGANISATION_REQUESTS } from './organisation.requests';
import type { CreateOrganisationRequest, ListOrganisationsQuery, UpdateOrganisationBody } from './organisation.dto';
import type { OrganisationDetailView, OfficerView } from './officer.types';
import type { AppointOfficerBody, EndOfficerTermBody } from './officer.dto';
import type { OrganisationView, PublicBranchView } from './organisation.types';

/** Party organisations, typed. */
@Injectable()
export class OrganisationsClient {
  constructor(private readonly bus: BusRequester) {}

  create(caller: Caller, organisation: CreateOrganisationRequest): Promise<OrganisationView> {
    return this.bus.request(ORGANISATION_REQUESTS.createOrganisation, organisation, { caller });
  }

  update(caller: Caller, id: string, changes: UpdateOrganisationBody): Promise<OrganisationView> {
    return this.bus.request(ORGANISATION_REQUESTS.updateOrganisation, { id, changes }, { caller });
  }

  get(caller: Caller, id: string): Promise<OrganisationDetailView> {
    return this.bus.request(ORGANISATION_REQUESTS.getOrganisation, { id }, { caller });
  }

  list(caller: Caller, query: ListOrganisationsQuery): Promise<OffsetPage<OrganisationView>> {
    return this.bus.request(ORGANISATION_REQUESTS.listOrganisations, query, { caller });
  }

  appointOfficer(caller: Caller, organisationId: string, officer: AppointOfficerBody): Promise<OfficerView> {
    return this.bus.request(ORGANISATION_REQUESTS.appointOfficer, { ...officer, organisationId }, { caller });
  }

  endOfficerTerm(caller: Caller, organisationId: string, officerId: string, body: EndOfficerTermBody): Promise<OfficerView> {
    return this.bus.request(ORGANISATION_REQUESTS.endOfficerTerm, { ...body, organisationId, officerId }, { caller });
  }

  listOfficers(caller: Caller, id: string): Promise<OfficerView[]> {
    return this.bus.request(ORGANISATION_REQUESTS.listOfficers, { id }, { caller });
  }

  publicBranches(caller: Caller, gridCodes: string[]): Promise<PublicBranchView[]> {
    return this.bus.request(ORGANISATION_REQUESTS.publicBranches, { gridCodes }, { caller });
  }
}
