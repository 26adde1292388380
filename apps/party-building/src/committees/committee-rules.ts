import type { TaskStatus } from '@gridline/contracts-party-building';

/** A field and why it is refused. */
export interface Problem {
  field: string;
  reason: string;
}

/** The status moves a task allows: open → done or cancelled; done and cancelled are final. */
export const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

/**
 * Why a change of a task is refused (null: it may be made). A task is done with a note saying what was done; its
 * due date and owner change only while it is open.
 */
export function taskChangeProblem(
  task: { status: TaskStatus },
  change: { status?: TaskStatus; note?: string; dueOn?: string; owner?: unknown },
): Problem | null {
  const moving = change.status !== undefined && change.status !== task.status;
  if (moving && !TASK_TRANSITIONS[task.status].includes(change.status as TaskStatus)) {
    return { field: 'status', reason: `cannot change from ${task.status} to ${change.status}` };
  }
  if (moving && change.status === 'done' && !change.note) return { field: 'note', reason: 'is required to mark a task done' };
  if (!moving && change.note !== undefined) return { field: 'note', reason: 'is given only with a change of status to done or cancelled' };
  if (task.status !== 'open' || (moving && change.status !== 'open')) {
    if (change.dueOn !== undefined) return { field: 'dueOn', reason: `cannot change on a ${moving ? change.status : task.status} task` };
    if (change.owner !== undefined) return { field: 'owner', reason: `cannot change on a ${moving ? change.status : task.status} task` };
  }
  return null;
}

/** An open task past its due date (`today` a YYYY-MM-DD day in China time; due on today is not yet overdue). */
export function isOverdue(task: { status: TaskStatus; dueOn: string }, today: string): boolean {
  return task.status === 'open' && task.dueOn < today;
}

/** Whether a member unit belongs to its committee on a day: joined by then and not yet left. */
export function isMemberOn(unit: { joinedOn: string; leftOn: string | null }, day: string): boolean {
  return unit.joinedOn <= day && (unit.leftOn === null || unit.leftOn > day);
}

/** Whether a member unit has left its committee by `today` (a unit counts as a member until the day it leaves). */
export function hasLeft(unit: { leftOn: string | null }, today: string): boolean {
  return unit.leftOn !== null && unit.leftOn <= today;
}

/** Why a member unit's dates are refused: it joins neither before its committee was founded nor after today, and leaves after it joined. */
export function membershipDatesProblem(dates: { joinedOn: string; leftOn: string | null }, foundedOn: string, today: string): Problem | null {
  if (dates.joinedOn < foundedOn) return { field: 'joinedOn', reason: `must not be before the committee was founded (${foundedOn})` };
  if (dates.joinedOn > today) return { field: 'joinedOn', reason: 'must not be after today' };
  if (dates.leftOn !== null && dates.leftOn < dates.joinedOn) return { field: 'leftOn', reason: `must not be before the unit joined (${dates.joinedOn})` };
  return null;
}
