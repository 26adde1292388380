import type { Caller } from '@gridline/auth';

export class ReportCoverageQuery {
  constructor(
    readonly caller: Caller,
    readonly code: string,
  ) {}
}
