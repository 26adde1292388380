import type { Caller } from '@gridline/auth';
import type { DiscussionSummaryView, DiscussionTaskListItem, DiscussionTaskView, DiscussionView } from '@gridline/contracts-incidents';
import type { NameBook, NameRequest } from '@gridline/registry-reference';
import type { DiscussionEntity, DiscussionTaskEntity } from './discussion.entities';
import { countTasks, mayComplete, readsWhole } from './discussion-rules';

export function toDiscussionTaskView(task: DiscussionTaskEntity, discussion: DiscussionEntity, caller: Caller, names: NameBook): DiscussionTaskView {
  return {
    id: task.id,
    discussionId: task.discussionId,
    ownerKind: task.ownerKind,
    ownerCode: task.ownerCode,
    ownerName: task.ownerKind === 'department' ? names.department(task.ownerCode) : names.unit(task.ownerCode),
    dueOn: task.dueOn,
    description: task.description,
    status: task.status,
    result: task.result,
    doneBy: task.doneBy,
    doneAt: task.doneAt?.toISOString() ?? null,
    overdueAt: task.overdueAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    mayComplete: mayComplete(caller, discussion, task),
  };
}

/** The discussion without its tasks; the counts are of the tasks the caller sees. */
export function toDiscussionSummaryView(d: DiscussionEntity, caller: Caller, names: NameBook, seen: readonly DiscussionTaskEntity[]): DiscussionSummaryView {
  return {
    id: d.id,
    candidateId: d.candidateId,
    incidentId: null,
    streetCode: d.streetCode,
    unitCode: d.unitCode,
    unitName: names.unit(d.unitCode),
    unitPath: d.unitPath,
    categoryCode: d.categoryCode,
    categoryName: names.category(d.categoryCode),
    summary: d.summary,
    evidence: { incidentIds: d.evidenceIncidentIds, appealIds: d.evidenceAppealIds },
    status: d.status,
    liftedBy: d.liftedBy,
    openedAt: d.openedAt.toISOString(),
    meeting:
      d.meetingDate && d.decision && d.participants && d.meetingBy && d.meetingAt
        ? { participants: d.participants, date: d.meetingDate, decision: d.decision, recordedBy: d.meetingBy, recordedAt: d.meetingAt.toISOString() }
        : null,
    view: readsWhole(caller, d) ? 'full' : 'owner',
    taskCounts: countTasks(seen),
    closing: d.closedBy && d.closedAt ? { by: d.closedBy, at: d.closedAt.toISOString(), note: d.closeNote } : null,
  };
}

/** The discussion with the tasks the caller sees (`seen`: every task for the grid centre, an owner's own otherwise). */
export function toDiscussionView(d: DiscussionEntity, caller: Caller, names: NameBook, seen: readonly DiscussionTaskEntity[]): DiscussionView {
  return { ...toDiscussionSummaryView(d, caller, names, seen), tasks: seen.map((t) => toDiscussionTaskView(t, d, caller, names)) };
}

export function toDiscussionTaskListItem(task: DiscussionTaskEntity, d: DiscussionEntity, caller: Caller, names: NameBook): DiscussionTaskListItem {
  return {
    ...toDiscussionTaskView(task, d, caller, names),
    discussion: { id: d.id, status: d.status, summary: d.summary, categoryCode: d.categoryCode, unitCode: d.unitCode, streetCode: d.streetCode },
  };
}

/** The codes a page of discussions and tasks names: units, departments, categories. */
export function discussionNames(discussions: readonly DiscussionEntity[], tasks: readonly DiscussionTaskEntity[]): NameRequest {
  return {
    units: [...discussions.map((d) => d.unitCode), ...tasks.filter((t) => t.ownerKind === 'unit').map((t) => t.ownerCode)],
    departments: tasks.filter((t) => t.ownerKind === 'department').map((t) => t.ownerCode),
    categories: discussions.map((d) => d.categoryCode),
  };
}
