import type { OrganisationLevel } from './organisation.types';
import type { OfficerRole } from './officer.types';

/** `events.party-building.organisation.<created|updated>`: the organisation as it now is (no people in it). */
export interface OrganisationEventData {
  organisationId: string;
  level: OrganisationLevel;
  parentId: string | null;
  unitCode: string;
  /** The bound unit's path, street first (for figures per community and grid). */
  unitPath: string[];
  active: boolean;
  /** Names of the fields that changed (empty on create). */
  changed: string[];
}

/** `events.party-building.organisation.<officer_appointed|officer_ended>`: a term of office (ids, no names). */
export interface OfficerEventData {
  organisationId: string;
  officerId: string;
  memberId: string;
  role: OfficerRole;
  startsOn: string;
  endsOn: string | null;
  directsGridCentre: boolean;
  /** The organisation's unit and its path, street first (for figures per community and grid). */
  unitCode: string;
  unitPath: string[];
}
