import type { Caller } from '@gridline/auth';
import type { HotspotsQuery } from '@gridline/contracts-analytics';

export class GetHotspotsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: HotspotsQuery,
  ) {}
}
