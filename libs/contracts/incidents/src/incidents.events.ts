import { defineEvent } from '@gridline/messaging/contracts';
import type { AppealHandoffFailedEventData, IncidentEventData } from './incident/incident.events';
import type { VisitLoggedEventData } from './visits/visit.events';
import type { DiscussionEventData } from './discussions/discussion.events';

const incidentEvent = (event: string) => defineEvent<IncidentEventData>('incidents', 'incident', event);
const discussionEvent = (event: string) => defineEvent<DiscussionEventData>('incidents', 'discussion', event);

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
  /** A 3+N candidate's discussion opened (subject: the discussion id). */
  discussionOpened: discussionEvent('opened'),
  /** A lifted candidate incidents could not open a discussion for (unknown street, …): not retried (subject: the candidate id). */
  discussionOpenFailed: discussionEvent('open_failed'),
  /** The meeting gave a task to its owner: one event per task (`taskId`). */
  discussionTaskAssigned: discussionEvent('task_assigned'),
  /** An owner marked a task done. */
  discussionTaskCompleted: discussionEvent('task_completed'),
  /** A task's due day passed without it done (the scheduler). */
  discussionTaskOverdue: discussionEvent('task_overdue'),
  /** Every task done, or the street's grid centre closed it with a note (`reason`). */
  discussionClosed: discussionEvent('closed'),
} as const;
