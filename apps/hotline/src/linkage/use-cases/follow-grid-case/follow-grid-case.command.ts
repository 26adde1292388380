import type { IncidentEventData } from '@gridline/contracts-incidents';

/** A grid case's event (its CloudEvents `type` and data), for the appeal whose hand-off the case is. */
export class FollowGridCaseCommand {
  constructor(
    readonly type: string,
    readonly data: IncidentEventData,
  ) {}
}
