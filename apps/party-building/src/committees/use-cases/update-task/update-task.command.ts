import type { Caller } from '@gridline/auth';
import type { UpdateTaskRequest } from '@gridline/contracts-party-building';

/** A task done (with a note), cancelled, re-dated or given to another owner. */
export class UpdateTaskCommand {
  constructor(
    readonly caller: Caller,
    readonly changes: UpdateTaskRequest,
  ) {}
}
