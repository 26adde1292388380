import type { Caller } from '@gridline/auth';

/** The timeline of an appeal the caller may see. */
export class GetAppealTimelineQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
