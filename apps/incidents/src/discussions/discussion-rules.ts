import { handlesOwner, hasAnyRole, isUnrestricted, scopeCovers, type Caller, type Role, type WorkOwner } from '@gridline/auth';
import type { DiscussionTaskEventItem, DiscussionTaskStatus } from '@gridline/contracts-incidents';
import type { DiscussionEntity, DiscussionTaskEntity } from './discussion.entities';

/** The grid centres that follow a candidate discussion: they see it whole, in their scope. */
export const DISCUSSION_READERS: readonly Role[] = ['street_admin', 'community_admin'];

/** Whether the caller sees the discussion whole (every task): a grid centre whose scope covers its unit, or an admin. */
export function readsWhole(caller: Caller, discussion: Pick<DiscussionEntity, 'unitPath'>): boolean {
  return isUnrestricted(caller) || (hasAnyRole(caller, DISCUSSION_READERS) && scopeCovers(caller, discussion.unitPath));
}

/** The street's grid centre runs the discussion (its meeting, its closing): a street admin of its street, or an admin. */
export function runs(caller: Caller, discussion: Pick<DiscussionEntity, 'streetCode'>): boolean {
  return isUnrestricted(caller) || (caller.roles.includes('street_admin') && scopeCovers(caller, [discussion.streetCode]));
}

/** The task's owner as the case process knows owners (who handles for it: `handlesOwner`). */
export function taskOwner(task: Pick<DiscussionTaskEntity, 'ownerKind' | 'ownerCode' | 'ownerLevel'>): WorkOwner {
  return task.ownerKind === 'department' ? { kind: 'department', departmentCode: task.ownerCode } : { kind: 'unit', unitCode: task.ownerCode, level: task.ownerLevel ?? 'grid' };
}

/** The owner of a task: a handler of its department, or the staff and centres of its unit (admins too). */
export function ownsTask(caller: Caller, task: Pick<DiscussionTaskEntity, 'ownerKind' | 'ownerCode' | 'ownerLevel' | 'ownerPath'>): boolean {
  return isUnrestricted(caller) || handlesOwner(caller, taskOwner(task), task.ownerPath ?? [task.ownerCode]);
}

/** Whether the caller sees the task: the discussion's grid centre, or the task's owner. */
export function seesTask(caller: Caller, discussion: Pick<DiscussionEntity, 'unitPath'>, task: Pick<DiscussionTaskEntity, 'ownerKind' | 'ownerCode' | 'ownerLevel' | 'ownerPath'>): boolean {
  return readsWhole(caller, discussion) || ownsTask(caller, task);
}

/** Whether the owner may mark the task done now: not done yet, in a discussion still open. */
export function mayComplete(caller: Caller, discussion: Pick<DiscussionEntity, 'status'>, task: DiscussionTaskEntity): boolean {
  return discussion.status === 'open' && task.status !== 'done' && ownsTask(caller, task);
}

/** A task not done whose due day (China time) is before today is overdue; a task due today is not yet. */
export function isOverdue(task: Pick<DiscussionTaskEntity, 'status' | 'dueOn'>, today: string): boolean {
  return task.status === 'open' && task.dueOn < today;
}

/** The discussion closes by itself once every task is done. */
export function allDone(tasks: readonly Pick<DiscussionTaskEntity, 'status'>[]): boolean {
  return tasks.length > 0 && tasks.every((t) => t.status === 'done');
}

/** Tasks by status. */
export function countTasks(tasks: readonly Pick<DiscussionTaskEntity, 'status'>[]): Record<DiscussionTaskStatus, number> {
  const counts: Record<DiscussionTaskStatus, number> = { open: 0, done: 0, overdue: 0 };
  for (const t of tasks) counts[t.status] += 1;
  return counts;
}

/** A task as the events carry it. */
export function taskEventItem(task: DiscussionTaskEntity): DiscussionTaskEventItem {
  return { taskId: task.id, ownerKind: task.ownerKind, ownerCode: task.ownerCode, dueOn: task.dueOn, status: task.status };
}
