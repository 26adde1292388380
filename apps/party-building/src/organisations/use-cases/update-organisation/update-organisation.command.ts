import type { Caller } from '@gridline/auth';
import type { UpdateOrganisationBody } from '@gridline/contracts-party-building';

/** A rename, a dissolution or a re-founding of an organisation. */
export class UpdateOrganisationCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly changes: UpdateOrganisationBody,
  ) {}
}
