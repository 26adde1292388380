import type { Caller } from '@gridline/auth';
import type { ListAppealsQuery as ListAppealsFilter } from '@gridline/contracts-hotline';

/** A page of the appeals the caller may see, filtered. */
export class ListAppealsQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: ListAppealsFilter,
  ) {}
}
