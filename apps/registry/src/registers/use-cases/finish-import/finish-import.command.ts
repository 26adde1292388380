import type { Caller } from '@gridline/auth';

export class FinishImportCommand {
  constructor(
    readonly caller: Caller,
    readonly jobId: string,
  ) {}
}
