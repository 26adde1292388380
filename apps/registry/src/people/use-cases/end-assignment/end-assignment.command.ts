import type { Caller } from '@gridline/auth';

export class EndAssignmentCommand {
  constructor(
    readonly caller: Caller,
    readonly assignmentId: string,
    /** The last day of the assignment (inclusive); today in China when not given. */
    readonly endsOn: string | undefined,
  ) {}
}
