import type { Caller } from '@gridline/auth';

export class SetCalendarYearCommand {
  constructor(
    readonly caller: Caller,
    readonly year: number,
    readonly holidays: string[],
    readonly workdays: string[],
  ) {}
}
