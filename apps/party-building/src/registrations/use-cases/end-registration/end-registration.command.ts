import type { Caller } from '@gridline/auth';

/** The member leaving, or a keeper ending a registration (withdrawing a submitted one). */
export class EndRegistrationCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly endsOn: string | undefined,
  ) {}
}
