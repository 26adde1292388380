import type { Caller } from '@gridline/auth';
import type { ListStationsQuery as ListStationsRequest } from '@gridline/contracts-party-building';

export class ListStationsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListStationsRequest,
  ) {}
}
