import type { Caller } from '@gridline/auth';
import type { RankingsQuery } from '@gridline/contracts-analytics';

export class GetRankingsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: RankingsQuery,
  ) {}
}
