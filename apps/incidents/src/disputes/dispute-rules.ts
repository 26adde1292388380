import type { Caller } from '@gridline/auth';
import { isDisputeCategory, type IncidentStatus } from '@gridline/contracts-incidents';
import type { IncidentEntity } from '../incident/incident.entity';
import { manages, owns } from '../incident/incident-process';
import { disputeNotOpen, notADispute, notDisputeKeeper } from './dispute.errors';

/** A dispute is mediated while it is with its owner: from dispatch until verification. */
export const DISPUTE_OPEN_STATUSES: readonly IncidentStatus[] = ['dispatched', 'in_progress', 'handled'];

/** The case's owner or its grid centre keep the dispute's record. */
function keepsDispute(caller: Caller, incident: IncidentEntity): boolean {
  return owns(caller, incident) || manages(caller, incident);
}

/** Whether the caller may add parties, sessions or the agreement now. */
export function mayChangeDispute(caller: Caller, incident: IncidentEntity): boolean {
  return isDisputeCategory(incident.categoryCode) && DISPUTE_OPEN_STATUSES.includes(incident.status) && keepsDispute(caller, incident);
}

/** Refuses a change: 409 for a case that is no dispute or not open, 403 for a caller who does not keep it. */
export function assertMayChangeDispute(caller: Caller, incident: IncidentEntity): void {
  assertIsDispute(incident);
  if (!DISPUTE_OPEN_STATUSES.includes(incident.status)) throw disputeNotOpen(incident.status, DISPUTE_OPEN_STATUSES);
  if (!keepsDispute(caller, incident)) throw notDisputeKeeper();
}

export function assertIsDispute(incident: IncidentEntity): void {
  if (!isDisputeCategory(incident.categoryCode)) throw notADispute(incident.id, incident.categoryCode);
}
