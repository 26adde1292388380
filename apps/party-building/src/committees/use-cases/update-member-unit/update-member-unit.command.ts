import type { Caller } from '@gridline/auth';
import type { UpdateMemberUnitRequest } from '@gridline/contracts-party-building';

/** A change of a member unit: its details, its contact, or the day it left. */
export class UpdateMemberUnitCommand {
  constructor(
    readonly caller: Caller,
    readonly changes: UpdateMemberUnitRequest,
  ) {}
}
