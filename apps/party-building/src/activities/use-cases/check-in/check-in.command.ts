import type { Caller } from '@gridline/auth';

/** A member checks in with the code shown at the activity. */
export class CheckInCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly code: string,
  ) {}
}
