import type { Caller } from '@gridline/auth';

export class CountIncidentsCommand {
  constructor(
    readonly caller: Caller,
    /** Only the cases under this unit (within the caller's scope). */
    readonly unit?: string,
    /** Also per unit, at or beneath `unit` (or the caller's units). */
    readonly byUnit = false,
  ) {}
}
