import type { Caller } from '@gridline/auth';

export class DeleteCandidateRulesCommand {
  constructor(
    readonly caller: Caller,
    /** The street (default the street of the caller's first unit); never `*`, the platform default. */
    readonly street?: string,
  ) {}
}
