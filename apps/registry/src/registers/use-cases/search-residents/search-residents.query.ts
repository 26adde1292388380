import type { Caller } from '@gridline/auth';
import type { ResidentSearchQuery } from '@gridline/contracts-registry';

export class SearchResidentsQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ResidentSearchQuery,
  ) {}
}
