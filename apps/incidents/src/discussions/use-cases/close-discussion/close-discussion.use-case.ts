import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { INCIDENTS_EVENTS, type DiscussionView } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { runs } from '../../discussion-rules';
import { discussionClosed, notRunner } from '../../discussion.errors';
import { discussionNames, toDiscussionView } from '../../discussion.mapper';
import { DiscussionRepository } from '../../discussion.repository';
import { DiscussionVisibility } from '../../discussion-visibility';
import type { CloseDiscussionCommand } from './close-discussion.command';

/**
 * The street's grid centre closes a discussion with a note, whatever its tasks: those not done keep their status
 * (the `closed` event shows them) and can no longer be completed or turn overdue.
 */
@Injectable()
export class CloseDiscussionUseCase {
  constructor(
    private readonly discussions: DiscussionRepository,
    private readonly visibility: DiscussionVisibility,
    private readonly reference: ReferenceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  execute({ caller, discussionId, note }: CloseDiscussionCommand): Promise<DiscussionView> {
    return this.transactions.run(async () => {
      const { discussion: d, tasks } = await this.visibility.see(caller, await this.discussions.findByIdLocked(discussionId), discussionId);
      if (!runs(caller, d)) throw notRunner();
      if (d.status === 'closed') throw discussionClosed();
      const now = new Date();
      d.status = 'closed';
      d.closedBy = caller.sub;
      d.closedAt = now;
      d.closeNote = note;
      this.discussions.record(INCIDENTS_EVENTS.discussionClosed, d, tasks, { reason: note, actor: caller.sub, at: now });
      await this.discussions.save();
      return toDiscussionView(d, caller, await this.reference.names(discussionNames([d], tasks)), tasks);
    });
  }
}
