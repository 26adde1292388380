import type { Caller } from '@gridline/auth';
import type { ListCandidatesQuery as ListCandidatesRequest } from '@gridline/contracts-analytics';

export class ListCandidatesQuery {
  constructor(
    readonly caller: Caller,
    readonly query: ListCandidatesRequest,
  ) {}
}
