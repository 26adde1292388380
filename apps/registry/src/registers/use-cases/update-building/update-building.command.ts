import type { Caller } from '@gridline/auth';
import type { UpdateBuildingBody } from '@gridline/contracts-registry';

export class UpdateBuildingCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly changes: UpdateBuildingBody,
  ) {}
}
