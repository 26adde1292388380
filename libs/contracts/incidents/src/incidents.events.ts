import { defineEvent } from '@gridline/messaging/contracts';
import type { AppealHandoffFailedEventData, IncidentEventData } from './incident/incident.events';
import type { VisitLoggedEventData } from './visits/visit.events';

const incidentEvent = (event: string) => defineEvent<IncidentEventData>('incidents', 'incident', event);

/** Every event of the case process: one per transition, plus the scheduler's overdue/supervised/escalated. */
export const INCIDENTS_EVENTS = {
  reported: incidentEvent('reported'),
  accepted: incidentEvent('accepted'),
  rejected: incidentEvent('rejected'),
  dispatched: incidentEvent('dispatched'),
  returned: incidentEvent('returned'),
  signed: incidentEvent('signed'),
  handled: incidentEvent('handled'),
  verified: incidentEvent('verified'),
  reworked: incidentEvent('reworked'),
  closed: incidentEvent('closed'),
  evaluated: incidentEvent('evaluated'),
  extended: incidentEvent('extended'),
  cancelled: incidentEvent('cancelled'),
  merged: incidentEvent('merged'),
  overdue: incidentEvent('overdue'),
  supervised: incidentEvent('supervised'),
  escalated: incidentEvent('escalated'),
  /** A household was visited (ids, grid and day only): the registry counts visited households per grid. */
  visitLogged: defineEvent<VisitLoggedEventData>('incidents', 'visit', 'logged'),
  /** An appeal's hand-off to a grid was refused: no case opened (subject: the appeal id). */
  handoffFailed: defineEvent<AppealHandoffFailedEventData>('incidents', 'handoff', 'failed'),
} as const;
