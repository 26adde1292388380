import type { Caller } from '@gridline/auth';
import type { RelatedAppealsQuery } from '@gridline/contracts-hotline';

/** The related appeals of a call not yet taken, from what the operator has typed so far. */
export class FindRelatedAppealsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: RelatedAppealsQuery,
  ) {}
}
