import type { Caller } from '@gridline/auth';

export class GetRankingWeightsQuery {
  constructor(
    readonly caller: Caller,
    /** The street (default the street of the caller's first unit). */
    readonly street?: string,
  ) {}
}
