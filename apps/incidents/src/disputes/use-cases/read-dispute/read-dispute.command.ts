import type { Caller } from '@gridline/auth';

export class ReadDisputeCommand {
  constructor(
    readonly caller: Caller,
    /** The case's id. */
    readonly id: string,
  ) {}
}
