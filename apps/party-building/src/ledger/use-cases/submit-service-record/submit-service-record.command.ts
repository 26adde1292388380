import type { Caller } from '@gridline/auth';
import type { SubmitServiceRecordRequest } from '@gridline/contracts-party-building';

/** A grid task served, for a member (`record.memberId`) or the caller's own member record. */
export class SubmitServiceRecordCommand {
  constructor(
    readonly caller: Caller,
    readonly record: SubmitServiceRecordRequest,
  ) {}
}
