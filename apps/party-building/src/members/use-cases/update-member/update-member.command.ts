import type { Caller } from '@gridline/auth';
import type { UpdateMemberBody } from '@gridline/contracts-party-building';

/** A new status, phone, organisation (a transfer), home grid or account for a member. */
export class UpdateMemberCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly changes: UpdateMemberBody,
  ) {}
}
