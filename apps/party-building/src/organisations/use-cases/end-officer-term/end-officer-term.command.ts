import type { Caller } from '@gridline/auth';

/** An officer's term given its last day. */
export class EndOfficerTermCommand {
  constructor(
    readonly caller: Caller,
    readonly organisationId: string,
    readonly officerId: string,
    readonly endsOn: string,
  ) {}
}
