import type { Caller } from '@gridline/auth';
import type { StationServiceCountsQuery } from '@gridline/contracts-party-building';

export class CountServicesQuery {
  constructor(
    readonly caller: Caller,
    readonly query: StationServiceCountsQuery,
  ) {}
}
