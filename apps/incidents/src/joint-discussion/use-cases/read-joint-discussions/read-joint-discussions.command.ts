import type { Caller } from '@gridline/auth';

export class ReadJointDiscussionsCommand {
  constructor(
    readonly caller: Caller,
    /** The case's id. */
    readonly id: string,
  ) {}
}
