import type { Caller } from '@gridline/auth';
import type { CreateMemberRequest } from '@gridline/contracts-party-building';

/** A party member registered with an organisation of the caller's scope. */
export class CreateMemberCommand {
  constructor(
    readonly caller: Caller,
    readonly member: CreateMemberRequest,
  ) {}
}
