import type { Caller } from '@gridline/auth';
import type { ListTasksRequest } from '@gridline/contracts-party-building';

export class ListTasksQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListTasksRequest,
  ) {}
}
