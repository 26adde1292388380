import type { Caller } from '@gridline/auth';

/** A party member's own record, found by the token's subject. */
export class GetOwnMemberQuery {
  constructor(readonly caller: Caller) {}
}
