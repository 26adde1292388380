import type { Caller } from '@gridline/auth';

export class GetImportQuery {
  constructor(
    readonly caller: Caller,
    readonly jobId: string,
  ) {}
}
