import type { Caller } from '@gridline/auth';
import type { PublicAppealsQuery } from '@gridline/contracts-hotline';

/** The appeals Open311's GET requests read, by ids or by filters. */
export class ListPublicAppealsQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: PublicAppealsQuery,
  ) {}
}
