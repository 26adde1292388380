import type { Caller } from '@gridline/auth';

export class GetIncidentTimelineCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
