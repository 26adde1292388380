import type { Caller } from '@gridline/auth';

/** The registry asking, as itself, who an approved registration's member is. */
export class GiveHandoffDetailsQuery {
  constructor(
    readonly caller: Caller,
    readonly id: string,
  ) {}
}
