import type { Caller } from '@gridline/auth';
import type { RecordHeldActivityRequest } from '@gridline/contracts-party-building';

/** An activity already held, recorded by a keeper of its organisation with the attendance of its sign-in sheet. */
export class RecordHeldActivityCommand {
  constructor(
    readonly caller: Caller,
    readonly activity: RecordHeldActivityRequest,
  ) {}
}
