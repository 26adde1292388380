import type { Caller } from '@gridline/auth';
import type { AppointOfficerBody } from '@gridline/contracts-party-building';

/** A party member appointed secretary, deputy secretary or committee member of an organisation, for a term. */
export class AppointOfficerCommand {
  constructor(
    readonly caller: Caller,
    readonly organisationId: string,
    readonly officer: AppointOfficerBody,
  ) {}
}
