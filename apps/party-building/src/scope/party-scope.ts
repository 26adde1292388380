import { PARTY_KEEPERS, PARTY_READERS, hasAnyRole, isUnrestricted, scopeCovers, type Caller } from '@gridline/auth';

/**
 * Who may see and keep the party's records, once for every feature: party secretaries for their organisation and
 * below, community and street admins for their units — all by the unit path of the organisation (or station,
 * member, activity) the record belongs to, the caller's `units` covering it. A member's own record is the members
 * feature's (by the token's subject), not this.
 */
export const PartyScope = {
  /** May the caller keep (create, change) records bound to a unit with this path? */
  keeps(caller: Caller, unitPath: readonly string[]): boolean {
    return hasAnyRole(caller, PARTY_KEEPERS) && scopeCovers(caller, unitPath);
  },

  /** May the caller read records bound to a unit with this path? */
  reads(caller: Caller, unitPath: readonly string[]): boolean {
    return hasAnyRole(caller, PARTY_READERS) && scopeCovers(caller, unitPath);
  },

  /** The unit-path filter of a list: null for the whole platform (admins), else the caller's units. */
  units(caller: Caller): string[] | null {
    return isUnrestricted(caller) ? null : caller.units;
  },

} as const;
