import type { Caller } from '@gridline/auth';

/** A keeper opens check-in: a new code, replacing the one before. */
export class OpenCheckInCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
