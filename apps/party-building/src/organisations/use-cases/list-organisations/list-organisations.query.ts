import type { Caller } from '@gridline/auth';
import type { ListOrganisationsQuery as ListOrganisationsRequest } from '@gridline/contracts-party-building';

export class ListOrganisationsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListOrganisationsRequest,
  ) {}
}
