import type { Caller } from '@gridline/auth';
import type { UpdateUnitBody } from '@gridline/contracts-registry';

export class UpdateUnitCommand {
  constructor(
    readonly caller: Caller,
    readonly code: string,
    readonly changes: UpdateUnitBody,
  ) {}
}
