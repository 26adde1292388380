import type { Caller } from '@gridline/auth';
import type { MemberAuditQuery } from '@gridline/contracts-party-building';

export class ListMemberAuditQuery {
  constructor(
    readonly caller: Caller,
    readonly query: MemberAuditQuery,
  ) {}
}
