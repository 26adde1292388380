import type { MemberStatus } from './member.types';

/**
 * `events.party-building.member.<created|updated|transferred>`: the member's standing and place, never a name, an ID
 * number or a phone.
 */
export interface MemberEventData {
  memberId: string;
  organisationId: string;
  /** The organisation's unit path, street first. */
  unitPath: string[];
  status: MemberStatus;
  homeGridCode: string;
  /**
   * The platform login (token subject) linked to the member, if any: an id, not a name. Analytics credits the member's
   * approved service hours to that subject (staff workload). Absent from events published before 2026-12-01.
   */
  account?: string | null;
  /** Names of the fields that changed (empty on create). */
  changed: string[];
  /** On `transferred`: the organisation the member left, and its unit path. */
  fromOrganisationId?: string;
  fromUnitPath?: string[];
}
