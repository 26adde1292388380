import type { Caller } from '@gridline/auth';

/** The activity's report, after its end. */
export class SubmitReportCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly summary: string,
  ) {}
}
