import type { Caller } from '@gridline/auth';
import type { AssignPersonBody } from '@gridline/contracts-registry';

export class AssignPersonCommand {
  constructor(
    readonly caller: Caller,
    readonly unitCode: string,
    readonly assignment: AssignPersonBody,
  ) {}
}
