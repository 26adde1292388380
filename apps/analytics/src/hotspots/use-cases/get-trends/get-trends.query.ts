import type { Caller } from '@gridline/auth';
import type { TrendsQuery } from '@gridline/contracts-analytics';

export class GetTrendsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: TrendsQuery,
  ) {}
}
