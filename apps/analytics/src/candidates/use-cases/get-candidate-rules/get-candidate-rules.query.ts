import type { Caller } from '@gridline/auth';

export class GetCandidateRulesQuery {
  constructor(
    readonly caller: Caller,
    /** The street, or `*` (default the street of the caller's first unit; an admin's `*`). */
    readonly street?: string,
  ) {}
}
