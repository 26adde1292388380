import type { HandlingResolution, IncidentOwner, IncidentStatus, IncidentStep, IncidentSupervision, IncidentUrgency } from './incident.types';

/**
 * What every incident event carries: enough for a subscriber (a department's system, analytics) to follow the
 * case without asking — ids, codes, the owner, the step and its due time. Never the reporter's personal data.
 */
export interface IncidentEventData {
  incidentId: string;
  /** The case's work order (工单号, `GX-YYYYMMDD-NNNNNN`); absent from events published before 2026-12-01. */
  workOrder?: string;
  status: IncidentStatus;
  categoryCode: string;
  gridCode: string;
  /** The grid's path, street first, so that subscribers can scope without the registry. */
  path: string[];
  urgency: IncidentUrgency;
  source: string;
  /**
   * Where the matter is, as the case stores it (WGS 84, no address): a spot in the street, not personal data. Null
   * for a case reported without one; absent from events published before 2026-12-01.
   */
  location?: { lat: number; lng: number } | null;
  owner: IncidentOwner | null;
  step: IncidentStep | null;
  dueAt: string | null;
  supervision: IncidentSupervision;
  reworkCount: number;
  appealRef: string | null;
  /** For a case opened from an appeal: the appeal's hand-off it answers (the hotline ignores earlier ones). */
  appealHandoff: number | null;
  /** The handling result reported by the owner (for `handled`, `verified`, `closed`): what the hotline answers with. */
  result: string | null;
  /** How far the handling resolved the matter (with `result`): the hotline answers the caller with it. */
  resolution: HandlingResolution | null;
  /** The evaluation's rating, 1–5 (from `evaluated` on), so that department systems and analytics need not ask. */
  rating: number | null;
  actor: string;
  at: string;
  comment: string | null;
}

/**
 * A hotline appeal's hand-off to a grid that incidents could not take (a category or grid no longer active, …):
 * no case was opened. The hotline shows "hand-off failed: reason" on the appeal and gives it back to its operators.
 */
export interface AppealHandoffFailedEventData {
  appealId: string;
  handoff: number | null;
  gridCode: string;
  code: string;
  reason: string;
  at: string;
}
