import type { Caller } from '@gridline/auth';

export class CloseDiscussionCommand {
  constructor(
    readonly caller: Caller,
    readonly discussionId: string,
    readonly note: string,
  ) {}
}
