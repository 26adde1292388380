import type { Caller } from '@gridline/auth';
import type { RegisterKind } from '@gridline/contracts-registry';

export class DeleteRecordCommand {
  constructor(
    readonly caller: Caller,
    readonly kind: RegisterKind,
    readonly id: string,
  ) {}
}
