import type { Caller } from '@gridline/auth';
import type { RankingWeights } from '@gridline/contracts-analytics';

export class SetRankingWeightsCommand {
  constructor(
    readonly caller: Caller,
    /** The street (default the street of the caller's first unit). */
    readonly street: string | undefined,
    readonly weights: RankingWeights,
  ) {}
}
