import { Injectable } from '@nestjs/common';
import { hasAnyRole, isUnrestricted } from '@gridline/auth';
import { cursorFetch, cursorPage, decodeCursor, mapItems } from '@gridline/platform';
import type { DiscussionPage } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { DISCUSSION_READERS } from '../../discussion-rules';
import { notDiscussionReader } from '../../discussion.errors';
import { discussionNames, toDiscussionSummaryView } from '../../discussion.mapper';
import { DiscussionRepository } from '../../discussion.repository';
import type { ListDiscussionsCommand } from './list-discussions.command';

/** The grid centre's list of candidate discussions in its scope, newest first, by unit and status (cursor pages). */
@Injectable()
export class ListDiscussionsUseCase {
  constructor(
    private readonly discussions: DiscussionRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, query }: ListDiscussionsCommand): Promise<DiscussionPage> {
    if (!isUnrestricted(caller) && !hasAnyRole(caller, DISCUSSION_READERS)) throw notDiscussionReader();
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const { limit, fetch } = cursorFetch(query);
    const rows = await this.discussions.list(caller, query, after, fetch);
    const page = cursorPage(rows, limit, (last) => ({ k: last.openedAt.toISOString(), id: last.id }));
    const tasks = await this.discussions.tasksOfMany(page.items.map((d) => d.id));
    const names = await this.reference.names(discussionNames(page.items, []));
    return mapItems(page, (d) => toDiscussionSummaryView(d, caller, names, tasks.filter((t) => t.discussionId === d.id)));
  }
}
