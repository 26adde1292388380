import type { Caller } from '@gridline/auth';

export class CompleteDiscussionTaskCommand {
  constructor(
    readonly caller: Caller,
    readonly taskId: string,
    readonly result: string,
  ) {}
}
