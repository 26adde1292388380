import type { Caller } from '@gridline/auth';
import type { CreateCommitteeRequest } from '@gridline/contracts-party-building';

/** A work committee for an exclusive grid. */
export class CreateCommitteeCommand {
  constructor(
    readonly caller: Caller,
    readonly committee: CreateCommitteeRequest,
  ) {}
}
