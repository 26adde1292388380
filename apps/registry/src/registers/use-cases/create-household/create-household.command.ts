import type { Caller } from '@gridline/auth';
import type { CreateHouseholdRequest } from '@gridline/contracts-registry';

export class CreateHouseholdCommand {
  constructor(
    readonly caller: Caller,
    readonly household: CreateHouseholdRequest,
  ) {}
}
