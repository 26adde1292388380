import type { Caller } from '@gridline/auth';

export class GetDiscussionCommand {
  constructor(
    readonly caller: Caller,
    readonly discussionId: string,
  ) {}
}
