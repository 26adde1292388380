import type { Caller } from '@gridline/auth';
import type { AddMemberUnitRequest } from '@gridline/contracts-party-building';

/** A co-building unit joining a committee, with its contact. */
export class AddMemberUnitCommand {
  constructor(
    readonly caller: Caller,
    readonly memberUnit: AddMemberUnitRequest,
  ) {}
}
