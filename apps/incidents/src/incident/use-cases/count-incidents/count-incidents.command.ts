import type { Caller } from '@gridline/auth';

export class CountIncidentsCommand {
  constructor(
    readonly caller: Caller,
    /** Only the cases under this unit (within the caller's scope). */
    readonly unit?: string,
  ) {}
}
