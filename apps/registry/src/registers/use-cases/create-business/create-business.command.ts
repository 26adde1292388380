import type { Caller } from '@gridline/auth';
import type { CreateBusinessRequest } from '@gridline/contracts-registry';

export class CreateBusinessCommand {
  constructor(
    readonly caller: Caller,
    readonly business: CreateBusinessRequest,
  ) {}
}
