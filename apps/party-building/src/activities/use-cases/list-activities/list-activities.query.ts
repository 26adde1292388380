import type { Caller } from '@gridline/auth';
import type { ListActivitiesQuery as ListActivitiesRequest } from '@gridline/contracts-party-building';

export class ListActivitiesQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListActivitiesRequest,
  ) {}
}
