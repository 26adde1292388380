/** A household visit (走访) logged by grid staff. */
export interface VisitView {
  id: string;
  /** The registry's household. */
  householdId: string;
  gridCode: string;
  /** YYYY-MM-DD */
  date: string;
  notes: string;
  tags: string[];
  /** Who logged it (the token's subject). */
  visitor: string;
  /** The case opened from this visit, if any. */
  incidentId: string | null;
  createdAt: string;
}

/** Error codes of household visits (beside IncidentErrorCode). */
export const VisitErrorCode = {
  NotFound: 'VISIT_NOT_FOUND',
  /** The visit already opened a case; `details.incidentId` names it. */
  CaseAlreadyOpened: 'VISIT_CASE_ALREADY_OPENED',
} as const;
export type VisitErrorCode = (typeof VisitErrorCode)[keyof typeof VisitErrorCode];
