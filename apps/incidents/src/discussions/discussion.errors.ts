import { AppError, CommonErrorCode } from '@gridline/platform';
import { IncidentErrorCode } from '@gridline/contracts-incidents';

/** A discussion that does not exist, or that the caller may not see: the same answer. */
export function discussionNotFound(id: string): AppError {
  return new AppError(IncidentErrorCode.DiscussionNotFound, 'not_found', `Discussion ${id} does not exist in your scope`, { id });
}

/** A task that does not exist, or that the caller may not see: the same answer. */
export function taskNotFound(id: string): AppError {
  return new AppError(IncidentErrorCode.DiscussionTaskNotFound, 'not_found', `Task ${id} does not exist in your scope`, { id });
}

/** The discussion is closed (told only to callers who may see it). */
export function discussionClosed(): AppError {
  return new AppError(IncidentErrorCode.DiscussionClosed, 'conflict', 'The discussion is closed', { status: 'closed' });
}

export function meetingRecorded(): AppError {
  return new AppError(IncidentErrorCode.DiscussionMeetingRecorded, 'conflict', "The discussion's meeting is recorded already");
}

/** The task is done already (told only to callers who may see the task). */
export function taskDone(): AppError {
  return new AppError(IncidentErrorCode.DiscussionTaskDone, 'conflict', 'The task is done already', { status: 'done' });
}

export function notRunner(): AppError {
  return new AppError(CommonErrorCode.Forbidden, 'forbidden', "Only the street's grid centre may record a discussion's meeting or close it", { requiredRoles: ['street_admin', 'admin'] });
}

export function notTaskOwner(): AppError {
  return new AppError(CommonErrorCode.Forbidden, 'forbidden', "Only the task's owner may mark it done: a handler of its department, or its unit's staff");
}

export function notDiscussionReader(): AppError {
  return new AppError(CommonErrorCode.Forbidden, 'forbidden', "The discussions are the grid centres' list: owners find their tasks in the task list", { requiredRoles: ['street_admin', 'community_admin', 'admin'] });
}
