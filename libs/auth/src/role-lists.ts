import { hasAnyRole, type Caller, type Role } from './caller';

// Who may do what, where the gateway's @Roles and a service's own check name the same people: one list each.

/** Who draws the grid map: create and change units beneath their own. */
export const MAP_EDITORS = ['admin', 'street_admin', 'community_admin'] as const satisfies readonly Role[];

/** The street grid centre keeps the responsibility list and the calendar. */
export const RESPONSIBILITY_LIST_KEEPERS = ['admin', 'street_admin'] as const satisfies readonly Role[];

/** The grid centres keep the people of their units, like they keep the map. */
export const PEOPLE_KEEPERS = ['admin', 'street_admin', 'community_admin'] as const satisfies readonly Role[];

/** Who may ask to see an appeal's caller in clear: the hotline, and the lead owners' handlers (for the first contact). */
export const APPEAL_CALLER_REVEALERS = ['admin', 'hotline_operator', 'street_admin', 'community_admin', 'grid_staff', 'department'] as const satisfies readonly Role[];

/** Who takes appeals (and reads them for Open311): the hotline's operators and the street centre. */
export const APPEAL_TAKERS = ['hotline_operator', 'street_admin', 'admin'] as const satisfies readonly Role[];

/** Who reads the hotline's figures per lead owner (cut to their scope). */
export const HOTLINE_FIGURES_READERS = ['admin', 'street_admin', 'community_admin', 'hotline_operator', 'analyst'] as const satisfies readonly Role[];

/**
 * Who reads the grid centre's figures by scope and period (analytics' figures): for units of their scope, and a
 * department's handlers for their own department only.
 */
export const FIGURES_READERS = ['admin', 'street_admin', 'community_admin', 'grid_instructor', 'hotline_operator', 'analyst', 'department'] as const satisfies readonly Role[];

/** A figures reader held to their own department: a department's handler (role `department`) with no wider reader role. */
export function readsOnlyOwnDepartment(caller: Caller): boolean {
  return caller.roles.includes('department') && !hasAnyRole(caller, FIGURES_READERS.filter((r) => r !== 'department'));
}

/**
 * Who reads the staff workload (analytics): the figures readers, every person of their units; and grid staff, their
 * own row only (what they did beneath a unit of their scope) — a colleague's counts are the grid centre's to judge.
 */
export const WORKLOAD_READERS = [...FIGURES_READERS, 'grid_staff'] as const satisfies readonly Role[];

/** Who keeps the party's records (organisations, members, activities, stations, committees) in their units. */
export const PARTY_KEEPERS = ['admin', 'street_admin', 'community_admin', 'party_secretary'] as const satisfies readonly Role[];

/** Who reads them: the keepers, and the grid instructors (网格指导员) and analysts of their units. */
export const PARTY_READERS = [...PARTY_KEEPERS, 'grid_instructor', 'analyst'] as const satisfies readonly Role[];

/** Who may record service in the ledger: the keepers for members of their units, a party member for themself. */
export const SERVICE_RECORDERS = [...PARTY_KEEPERS, 'party_member'] as const satisfies readonly Role[];

/** Who may read a member's service ledger: the party's readers in their units, a party member their own. */
export const SERVICE_LEDGER_READERS = [...PARTY_READERS, 'party_member'] as const satisfies readonly Role[];

/** Who submits or ends an in-service member's dual registration (双报到): the same as SERVICE_RECORDERS — keepers in their units, the member their own. */
export const PARTY_REGISTRANTS = SERVICE_RECORDERS;

/** Who reads dual registrations: the same as SERVICE_LEDGER_READERS — the party's readers in their units, a member their own. */
export const PARTY_REGISTRATION_READERS = SERVICE_LEDGER_READERS;

/**
 * Who reads the 3+N candidates (未诉先办) of their units: the grid centres, grid instructors and analysts (a
 * department's handlers and the hotline do not: a candidate is the street's judgement, not a dispatched matter).
 */
export const CANDIDATE_READERS = ['admin', 'street_admin', 'community_admin', 'grid_instructor', 'analyst'] as const satisfies readonly Role[];

/** Who judges them — dismisses or lifts a candidate of their units into a 3+N discussion — and keeps the detection rules: the street grid centre. */
export const CANDIDATE_DECIDERS = ['admin', 'street_admin'] as const satisfies readonly Role[];
