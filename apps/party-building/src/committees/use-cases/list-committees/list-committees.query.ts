import type { Caller } from '@gridline/auth';
import type { ListCommitteesQuery as ListCommitteesRequest } from '@gridline/contracts-party-building';

export class ListCommitteesQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListCommitteesRequest,
  ) {}
}
