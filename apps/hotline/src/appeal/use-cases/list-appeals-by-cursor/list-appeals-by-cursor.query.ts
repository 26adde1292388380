import type { Caller } from '@gridline/auth';
import type { AppealCursorPageRequest } from '@gridline/contracts-hotline';

/** A keyset page of the appeals the caller may see, filtered like the list. */
export class ListAppealsByCursorQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: AppealCursorPageRequest,
  ) {}
}
