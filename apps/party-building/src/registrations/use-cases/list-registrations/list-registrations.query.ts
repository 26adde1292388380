import type { Caller } from '@gridline/auth';
import type { ListRegistrationsQuery as ListRegistrationsRequest } from '@gridline/contracts-party-building';

export class ListRegistrationsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListRegistrationsRequest,
  ) {}
}
