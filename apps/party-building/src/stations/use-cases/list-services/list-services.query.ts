import type { Caller } from '@gridline/auth';
import type { ListStationServicesQuery } from '@gridline/contracts-party-building';

export class ListServicesQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListStationServicesQuery,
  ) {}
}
