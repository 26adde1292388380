import type { Caller } from '@gridline/auth';
import type { ListDiscussionTasksQuery } from '@gridline/contracts-incidents';

export class ListDiscussionTasksCommand {
  constructor(
    readonly caller: Caller,
    readonly query: ListDiscussionTasksQuery,
  ) {}
}
