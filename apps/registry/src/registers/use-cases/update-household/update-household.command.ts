import type { Caller } from '@gridline/auth';
import type { UpdateHouseholdBody } from '@gridline/contracts-registry';

export class UpdateHouseholdCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly changes: UpdateHouseholdBody,
  ) {}
}
