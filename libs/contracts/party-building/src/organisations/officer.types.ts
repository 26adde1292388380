import type { OrganisationView } from './organisation.types';

/** An organisation's officers: its secretary (书记), deputy secretaries (副书记) and committee members (委员). */
export const OFFICER_ROLES = ['secretary', 'deputy_secretary', 'committee_member'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** A party member's term as an officer of an organisation, China calendar days, both ends inclusive. */
export interface OfficerView {
  id: string;
  organisationId: string;
  memberId: string;
  /** The member's name, masked (null while the member is not known to the service). */
  memberName: string | null;
  role: OfficerRole;
  startsOn: string;
  /** The term's last day; null: open (current). */
  endsOn: string | null;
  /** Whether the term covers today (China time). */
  current: boolean;
  /**
   * "The secretary grabs, grab the secretary" (书记抓、抓书记): the community party committee's secretary directs the
   * community grid centre for this term (only ever on a community committee's secretary).
   */
  directsGridCentre: boolean;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/v1/party/organisations/:id: the organisation with its current officers. */
export interface OrganisationDetailView extends OrganisationView {
  /** The terms that cover today, secretary first. */
  officers: OfficerView[];
  /** For a community committee: the current secretary who directs the community grid centre (null: nobody does). */
  gridCentreDirector: OfficerView | null;
}
