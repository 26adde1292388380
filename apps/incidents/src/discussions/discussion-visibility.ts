import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { DiscussionEntity, DiscussionTaskEntity } from './discussion.entities';
import { discussionNotFound } from './discussion.errors';
import { DiscussionRepository } from './discussion.repository';
import { ownsTask, readsWhole } from './discussion-rules';

/** A discussion as one caller may see it: whole (the grid centre), or an owner's own tasks. */
export interface SeenDiscussion {
  discussion: DiscussionEntity;
  /** Every task, in the meeting's order. */
  tasks: DiscussionTaskEntity[];
  /** The tasks the caller sees. */
  seen: DiscussionTaskEntity[];
}

/**
 * What a caller sees of a discussion: the grid centre in scope sees it whole; a task's owner sees its summary and
 * their own tasks only; anyone else gets 404, as for a discussion that does not exist.
 */
@Injectable()
export class DiscussionVisibility {
  constructor(private readonly discussions: DiscussionRepository) {}

  async see(caller: Caller, discussion: DiscussionEntity | null, id: string): Promise<SeenDiscussion> {
    if (!discussion) throw discussionNotFound(id);
    const tasks = await this.discussions.tasksOf(discussion.id);
    const seen = readsWhole(caller, discussion) ? tasks : tasks.filter((t) => ownsTask(caller, t));
    if (seen === tasks || seen.length > 0) return { discussion, tasks, seen };
    throw discussionNotFound(id);
  }
}
