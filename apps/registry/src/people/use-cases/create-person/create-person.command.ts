import type { Caller } from '@gridline/auth';
import type { CreatePersonRequest } from '@gridline/contracts-registry';

export class CreatePersonCommand {
  constructor(
    readonly caller: Caller,
    readonly person: CreatePersonRequest,
  ) {}
}
