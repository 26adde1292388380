import type { Caller } from '@gridline/auth';
import type { PublicAppealUpdatesQuery } from '@gridline/contracts-hotline';

/** FixMyStreet's GET servicerequestupdates: the public updates of a period. */
export class ListPublicAppealUpdatesQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: PublicAppealUpdatesQuery,
  ) {}
}
