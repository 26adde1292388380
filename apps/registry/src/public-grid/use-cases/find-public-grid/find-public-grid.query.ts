import type { Caller } from '@gridline/auth';
import type { PublicGridQuery } from '@gridline/contracts-registry';

export class FindPublicGridQuery {
  constructor(
    readonly caller: Caller,
    readonly query: PublicGridQuery,
  ) {}
}
