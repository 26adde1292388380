import type { Caller } from '@gridline/auth';
import type { CreateOrganisationRequest } from '@gridline/contracts-party-building';

/** A party organisation bound to a unit of the map, under its parent. */
export class CreateOrganisationCommand {
  constructor(
    readonly caller: Caller,
    readonly organisation: CreateOrganisationRequest,
  ) {}
}
