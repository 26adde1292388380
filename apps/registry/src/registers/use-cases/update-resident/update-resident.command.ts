import type { Caller } from '@gridline/auth';
import type { UpdateResidentBody } from '@gridline/contracts-registry';

export class UpdateResidentCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly changes: UpdateResidentBody,
  ) {}
}
