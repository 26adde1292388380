import type { Caller } from '@gridline/auth';
import type { CreateUnitRequest } from '@gridline/contracts-registry';

export class CreateUnitCommand {
  constructor(
    readonly caller: Caller,
    readonly unit: CreateUnitRequest,
  ) {}
}
