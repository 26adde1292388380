import type { Caller } from '@gridline/auth';

/** Who a dispatch naming no lead would give the appeal to. */
export class SuggestAppealOwnerQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
