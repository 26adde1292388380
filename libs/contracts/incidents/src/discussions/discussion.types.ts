import type { CursorPage } from '@gridline/platform';

/** A candidate discussion is `open` until every task is done or the street's grid centre closes it. */
export type DiscussionStatus = 'open' | 'closed';
export const DISCUSSION_STATUSES: readonly DiscussionStatus[] = ['open', 'closed'];

/** A task is `open` until its owner marks it done; past its due day (China time) and not done, `overdue`. */
export type DiscussionTaskStatus = 'open' | 'done' | 'overdue';
export const DISCUSSION_TASK_STATUSES: readonly DiscussionTaskStatus[] = ['open', 'done', 'overdue'];

export type DiscussionTaskOwnerKind = 'department' | 'unit';

/** One decision of a discussion's meeting, given to an owner with a due day and followed to closure. */
export interface DiscussionTaskView {
  id: string;
  discussionId: string;
  ownerKind: DiscussionTaskOwnerKind;
  /** The department code or the unit code. */
  ownerCode: string;
  /** The department's or the unit's name from the registry copy (null when the copy lacks it). */
  ownerName: string | null;
  /** YYYY-MM-DD, China time: the last day to finish it. */
  dueOn: string;
  description: string;
  status: DiscussionTaskStatus;
  /** The owner's note of what was done (once done). */
  result: string | null;
  doneBy: string | null;
  doneAt: string | null;
  /** When the scheduler marked it overdue (kept once done, for the record). */
  overdueAt: string | null;
  createdAt: string;
  /** Whether the caller may mark it done now. */
  mayComplete: boolean;
}

/** The meeting of a discussion: who met, on which day, what they decided. */
export interface DiscussionMeetingView {
  /** Unit codes or department codes. */
  participants: string[];
  /** YYYY-MM-DD */
  date: string;
  decision: string;
  recordedBy: string;
  recordedAt: string;
}

/**
 * A "3+N" discussion born from a 3+N candidate (a recurring problem over several cases and appeals): not bound to
 * one case, linked to the candidate and its evidence, in the street's scope. Its meeting's decisions are tasks.
 */
export interface DiscussionView {
  id: string;
  candidateId: string;
  /** Always null for a candidate discussion (case-bound discussions are `JointDiscussionView`). */
  incidentId: string | null;
  streetCode: string;
  unitCode: string;
  unitName: string | null;
  unitPath: string[];
  categoryCode: string;
  categoryName: string | null;
  summary: string;
  evidence: { incidentIds: string[]; appealIds: string[] };
  status: DiscussionStatus;
  liftedBy: string;
  openedAt: string;
  meeting: DiscussionMeetingView | null;
  /**
   * The tasks the caller may see: every task for the grid centre (`view: full`), only the caller's own for a task's
   * owner (`view: owner`).
   */
  tasks: DiscussionTaskView[];
  view: 'full' | 'owner';
  /** Tasks by status (of the tasks the caller sees). */
  taskCounts: Record<DiscussionTaskStatus, number>;
  closing: { by: string; at: string; note: string | null } | null;
}

/** A list row: the discussion without its tasks. */
export type DiscussionSummaryView = Omit<DiscussionView, 'tasks'>;
export type DiscussionPage = CursorPage<DiscussionSummaryView>;

/** A task as an owner's list shows it: the task and what its discussion is about. */
export interface DiscussionTaskListItem extends DiscussionTaskView {
  discussion: { id: string; status: DiscussionStatus; summary: string; categoryCode: string; unitCode: string; streetCode: string };
}
export type DiscussionTaskPage = CursorPage<DiscussionTaskListItem>;
