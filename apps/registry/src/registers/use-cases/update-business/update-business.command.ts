import type { Caller } from '@gridline/auth';
import type { UpdateBusinessBody } from '@gridline/contracts-registry';

export class UpdateBusinessCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly changes: UpdateBusinessBody,
  ) {}
}
