import type { Caller } from '@gridline/auth';
import type { CreateDepartmentRequest } from '@gridline/contracts-registry';

export class CreateDepartmentCommand {
  constructor(
    readonly caller: Caller,
    readonly department: CreateDepartmentRequest,
  ) {}
}
