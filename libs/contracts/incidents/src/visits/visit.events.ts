/**
 * `events.incidents.visit.logged`: a household was visited. Only ids, the grid and the day — never the notes or
 * anybody's name. The registry counts visited households per grid from it (collection quality).
 */
export interface VisitLoggedEventData {
  visitId: string;
  householdId: string;
  gridCode: string;
  /** The grid's path, street first, so that subscribers can scope without the registry (absent before 2026-12-01). */
  path?: string[];
  /** YYYY-MM-DD, the day of the visit. */
  date: string;
  /** Subject of the token that logged the visit (an id, never a name; absent before 2026-12-01). */
  visitor?: string;
}
