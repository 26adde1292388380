import type { OrganisationLevel } from './organisation.types';

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
