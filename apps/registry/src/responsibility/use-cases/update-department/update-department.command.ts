import type { Caller } from '@gridline/auth';
import type { UpdateDepartmentBody } from '@gridline/contracts-registry';

export class UpdateDepartmentCommand {
  constructor(
    readonly caller: Caller,
    readonly code: string,
    readonly changes: UpdateDepartmentBody,
  ) {}
}
