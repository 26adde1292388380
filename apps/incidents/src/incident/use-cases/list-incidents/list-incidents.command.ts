import type { Caller } from '@gridline/auth';
import type { ListIncidentsQuery } from '@gridline/contracts-incidents';

export class ListIncidentsCommand {
  constructor(
    readonly caller: Caller,
    readonly query: ListIncidentsQuery,
  ) {}
}
