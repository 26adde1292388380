import type { Caller } from '@gridline/auth';
import type { CreateActivityRequest } from '@gridline/contracts-party-building';

/** An activity of an organisation, scheduled by a keeper of its units. */
export class CreateActivityCommand {
  constructor(
    readonly caller: Caller,
    readonly activity: CreateActivityRequest,
  ) {}
}
