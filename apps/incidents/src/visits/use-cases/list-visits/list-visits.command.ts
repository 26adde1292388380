import type { Caller } from '@gridline/auth';
import type { ListVisitsQuery } from '@gridline/contracts-incidents';

export class ListVisitsCommand {
  constructor(
    readonly caller: Caller,
    readonly query: ListVisitsQuery,
  ) {}
}
