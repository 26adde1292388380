import type { Caller } from '@gridline/auth';

/** The branch coverage of the caller's scope, or of one unit in it. */
export class ReportCoverageQuery {
  constructor(
    readonly caller: Caller,
    readonly unitCode: string | null,
  ) {}
}
