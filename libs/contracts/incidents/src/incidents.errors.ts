/** Error codes of the incidents service. */
export const IncidentErrorCode = {
  NotFound: 'INCIDENT_NOT_FOUND',
  NotAllowedInState: 'INCIDENT_ACTION_NOT_ALLOWED',
  StaleVersion: 'INCIDENT_CHANGED',
  IdempotencyMismatch: 'IDEMPOTENCY_KEY_REUSED',
  CategoryUnknown: 'INCIDENT_CATEGORY_UNKNOWN',
  Invalid: 'INCIDENT_INVALID',
  OutOfScope: 'INCIDENT_OUT_OF_SCOPE',
  /** A photo that does not exist, is not complete, or belongs to a case the caller may not see. */
  PhotoNotFound: 'PHOTO_NOT_FOUND',
  /** An upload whose bytes do not match what was announced (count of chunks, size, SHA-256, type). */
  PhotoIncomplete: 'PHOTO_UPLOAD_INCOMPLETE',
  /** More photos of a stage than a case keeps. */
  PhotoLimit: 'PHOTO_LIMIT_REACHED',
  /** A 3+N candidate discussion that does not exist, or that the caller may not see. */
  DiscussionNotFound: 'DISCUSSION_NOT_FOUND',
  /** A discussion task that does not exist, or that the caller may not see. */
  DiscussionTaskNotFound: 'DISCUSSION_TASK_NOT_FOUND',
  /** The discussion is closed: no meeting, task or closing any more. */
  DiscussionClosed: 'DISCUSSION_CLOSED',
  /** The discussion's meeting is recorded already. */
  DiscussionMeetingRecorded: 'DISCUSSION_MEETING_RECORDED',
  /** The task is done already. */
  DiscussionTaskDone: 'DISCUSSION_TASK_DONE',
} as const;
export type IncidentErrorCode = (typeof IncidentErrorCode)[keyof typeof IncidentErrorCode];
