import type { IncidentOwner, IncidentStatus, IncidentStep, IncidentSupervision, IncidentUrgency } from './incident.types';

/**
 * What every incident event carries: enough for a subscriber (a department's system, analytics) to follow the
 * case without asking — ids, codes, the owner, the step and its due time. Never the reporter's personal data.
 */
export interface IncidentEventData {
  incidentId: string;
  status: IncidentStatus;
  categoryCode: string;
  gridCode: string;
  /** The grid's path, street first, so that subscribers can scope without the registry. */
  path: string[];
  urgency: IncidentUrgency;
  source: string;
  owner: IncidentOwner | null;
  step: IncidentStep | null;
  dueAt: string | null;
  supervision: IncidentSupervision;
  reworkCount: number;
  appealRef: string | null;
  /** The handling result reported by the owner (for `handled`, `verified`, `closed`): what the hotline answers with. */
  result: string | null;
  actor: string;
  at: string;
  comment: string | null;
}
