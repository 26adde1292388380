import type { DiscussionTaskOwnerKind, DiscussionTaskStatus } from './discussion.types';

/** A task as the discussion events carry it: ids, owner codes, due day and status only. */
export interface DiscussionTaskEventItem {
  taskId: string;
  ownerKind: DiscussionTaskOwnerKind;
  ownerCode: string;
  /** YYYY-MM-DD, China time. */
  dueOn: string;
  status: DiscussionTaskStatus;
}

/**
 * Every `events.incidents.discussion.*` event (opened, task_assigned, task_completed, task_overdue, closed,
 * open_failed): the discussion as of the change, with all its tasks, so that analytics shows a candidate's outcome
 * from the events alone. Codes and user ids only: no names, no decision or result texts.
 */
export interface DiscussionEventData {
  /** Null only for `open_failed` (no discussion was opened). */
  discussionId: string | null;
  candidateId: string | null;
  /** The case a case-bound discussion belongs to; null for a candidate discussion. */
  incidentId: string | null;
  streetCode: string;
  unitCode: string | null;
  categoryCode: string | null;
  /** The discussion's status (`open`, `closed`), or `failed` for `open_failed`. */
  status: 'open' | 'closed' | 'failed';
  tasks: DiscussionTaskEventItem[];
  /** The task the event is about (`task_assigned`, `task_completed`, `task_overdue`), else null. */
  taskId: string | null;
  /** `open_failed`: why (as an operator reads it); `closed` by the grid centre: its note; absent otherwise. */
  reason?: string;
  /** `open_failed`: the error's code (e.g. INCIDENT_INVALID). */
  code?: string;
  /** Who: a user id (for `opened` and `open_failed` the one who lifted the candidate), or `scheduler` (`task_overdue`). */
  actor: string;
  at: string;
}
