import type { Caller } from '@gridline/auth';

/** The active branches of the grids the public grid lookup found. */
export class FindPublicBranchesQuery {
  constructor(
    readonly caller: Caller,
    readonly gridCodes: readonly string[],
  ) {}
}
