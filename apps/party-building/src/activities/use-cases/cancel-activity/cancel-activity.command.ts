import type { Caller } from '@gridline/auth';

/** Cancels an activity before it ends, with a reason. */
export class CancelActivityCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly reason: string,
  ) {}
}
