import type { Caller } from '@gridline/auth';
import type { ListMembersQuery as ListMembersRequest } from '@gridline/contracts-party-building';

export class ListMembersQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListMembersRequest,
  ) {}
}
