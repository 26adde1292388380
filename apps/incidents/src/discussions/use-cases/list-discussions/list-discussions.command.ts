import type { Caller } from '@gridline/auth';
import type { ListDiscussionsQuery } from '@gridline/contracts-incidents';

export class ListDiscussionsCommand {
  constructor(
    readonly caller: Caller,
    readonly query: ListDiscussionsQuery,
  ) {}
}
