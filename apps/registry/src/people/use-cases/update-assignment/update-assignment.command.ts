import type { Caller } from '@gridline/auth';
import type { UpdateAssignmentBody } from '@gridline/contracts-registry';

export class UpdateAssignmentCommand {
  constructor(
    readonly caller: Caller,
    readonly assignmentId: string,
    readonly changes: UpdateAssignmentBody,
  ) {}
}
