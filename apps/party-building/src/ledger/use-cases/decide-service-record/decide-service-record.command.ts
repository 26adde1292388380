import type { Caller } from '@gridline/auth';
import type { DecideServiceRecordRequest } from '@gridline/contracts-party-building';

/** Approve or reject (with a reason) a pending service record. */
export class DecideServiceRecordCommand {
  constructor(
    readonly caller: Caller,
    readonly decision: DecideServiceRecordRequest,
  ) {}
}
