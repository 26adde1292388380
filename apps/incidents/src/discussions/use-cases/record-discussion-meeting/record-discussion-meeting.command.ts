import type { Caller } from '@gridline/auth';
import type { RecordDiscussionMeetingBody } from '@gridline/contracts-incidents';

export class RecordDiscussionMeetingCommand {
  constructor(
    readonly caller: Caller,
    readonly discussionId: string,
    readonly meeting: RecordDiscussionMeetingBody,
  ) {}
}
