import type { Caller } from '@gridline/auth';
import type { SubmitRegistrationRequest } from '@gridline/contracts-party-building';

/** An in-service member's dual registration, by the member themself or a keeper of the community. */
export class SubmitRegistrationCommand {
  constructor(
    readonly caller: Caller,
    readonly registration: SubmitRegistrationRequest,
  ) {}
}
