import type { Caller } from '@gridline/auth';
import type { RecordMeetingRequest } from '@gridline/contracts-party-building';

/** A meeting held by a committee, with its agenda, minutes and resolutions. */
export class RecordMeetingCommand {
  constructor(
    readonly caller: Caller,
    readonly meeting: RecordMeetingRequest,
  ) {}
}
