import { Injectable } from '@nestjs/common';
import { cursorFetch, cursorPage, decodeCursor, mapItems } from '@gridline/platform';
import type { DiscussionTaskPage } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { discussionNames, toDiscussionTaskListItem } from '../../discussion.mapper';
import { DiscussionRepository } from '../../discussion.repository';
import type { ListDiscussionTasksCommand } from './list-discussion-tasks.command';

/**
 * Discussion tasks by due day (cursor pages): an owner's own (`mine=true`; a department's handler only ever sees
 * their department's), or for the grid centre every task of the discussions in its scope, by department, unit,
 * discussion and status.
 */
@Injectable()
export class ListDiscussionTasksUseCase {
  constructor(
    private readonly discussions: DiscussionRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, query }: ListDiscussionTasksCommand): Promise<DiscussionTaskPage> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const { limit, fetch } = cursorFetch(query);
    const rows = await this.discussions.listTasks(caller, query, after, fetch);
    const page = cursorPage(rows, limit, (last) => ({ k: `${last.dueOn}T00:00:00.000Z`, id: last.id }));
    const discussions = new Map((await this.discussions.discussions([...new Set(page.items.map((t) => t.discussionId))])).map((d) => [d.id, d]));
    const names = await this.reference.names(discussionNames([], page.items));
    return mapItems(page, (t) => toDiscussionTaskListItem(t, discussions.get(t.discussionId)!, caller, names));
  }
}
