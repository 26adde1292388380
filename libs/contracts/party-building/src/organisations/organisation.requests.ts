import { defineRequest } from '@gridline/messaging/contracts';
import type { OffsetPage } from '@gridline/platform';
import type { CreateOrganisationRequest, ListOrganisationsQuery, OrganisationIdRequest, PublicBranchesRequest, UpdateOrganisationRequest } from './organisation.dto';
import type { OrganisationDetailView, OfficerView } from './officer.types';
import type { AppointOfficerRequest, EndOfficerTermRequest } from './officer.dto';
import type { OrganisationView, PublicBranchView } from './organisation.types';

/** Organisations' commands and queries (spread into PARTY_BUILDING_REQUESTS). */
export const ORGANISATION_REQUESTS = {
  createOrganisation: defineRequest<CreateOrganisationRequest, OrganisationView>('party-building', 'party-building.organisation.create'),
  updateOrganisation: defineRequest<UpdateOrganisationRequest, OrganisationView>('party-building', 'party-building.organisation.update'),
  getOrganisation: defineRequest<OrganisationIdRequest, OrganisationDetailView>('party-building', 'party-building.organisation.get'),
  listOrganisations: defineRequest<ListOrganisationsQuery, OffsetPage<OrganisationView>>('party-building', 'party-building.organisation.list'),
  appointOfficer: defineRequest<AppointOfficerRequest, OfficerView>('party-building', 'party-building.organisation.officer.appoint'),
  endOfficerTerm: defineRequest<EndOfficerTermRequest, OfficerView>('party-building', 'party-building.organisation.officer.end'),
  /** Every term of the organisation's officers, current and past (newest first). */
  listOfficers: defineRequest<OrganisationIdRequest, OfficerView[]>('party-building', 'party-building.organisation.officer.list'),
  /** The grids' active branches for the public grid lookup: answers the public caller only. */
  publicBranches: defineRequest<PublicBranchesRequest, PublicBranchView[]>('party-building', 'party-building.organisation.public_branches'),
} as const;
