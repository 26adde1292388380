import type { Caller } from '@gridline/auth';
import type { NearestStationsQuery as NearestStationsRequest } from '@gridline/contracts-party-building';

export class NearestStationsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: NearestStationsRequest,
  ) {}
}
