/**
 * `events.incidents.visit.logged`: a household was visited. Only ids, the grid and the day — never the notes or
 * anybody's name. The registry counts visited households per grid from it (collection quality).
 */
export interface VisitLoggedEventData {
  visitId: string;
  householdId: string;
  gridCode: string;
  /** YYYY-MM-DD, the day of the visit. */
  date: string;
}
