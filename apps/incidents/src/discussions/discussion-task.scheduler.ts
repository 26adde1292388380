import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestContext, chinaDay } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { ClaimingWorker, type ClaimedPass } from '@gridline/messaging';
import { INCIDENTS_EVENTS } from '@gridline/contracts-incidents';
import { SUPERVISION_SETTINGS, type SupervisionSettings } from '../supervision/supervision.scheduler';
import { DiscussionRepository } from './discussion.repository';

/** A task marked overdue by a pass, logged once the pass has committed. */
interface OverdueNote {
  taskId: string;
  discussionId: string;
  dueOn: string;
  correlationId: string;
}

/**
 * Marks discussion tasks overdue: a task of an open discussion, not done, whose due day (China time) has passed turns
 * `overdue` with a `task_overdue` event, once. It runs beside the case supervision in every replica, on its settings
 * (`SUPERVISION_POLL_MS`, `SUPERVISION_BATCH_SIZE`, `SUPERVISION_ENABLED`); a pass claims tasks FOR UPDATE SKIP
 * LOCKED and marks them in the same transaction, so two replicas never mark the same task.
 */
@Injectable()
export class DiscussionTaskScheduler extends ClaimingWorker<OverdueNote> {
  protected readonly logger = new Logger(DiscussionTaskScheduler.name);

  constructor(
    private readonly discussions: DiscussionRepository,
    transactions: TransactionRunner,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {
    super(transactions, settings);
  }

  protected async claimAndAct(now: Date): Promise<ClaimedPass<OverdueNote>> {
    const tasks = await this.discussions.claimOverdue(chinaDay(now), this.settings.batchSize);
    const notes: OverdueNote[] = [];
    for (const task of tasks) {
      const discussion = await this.discussions.findById(task.discussionId);
      if (!discussion) continue;
      task.status = 'overdue';
      task.overdueAt = now;
      const all = await this.discussions.tasksOf(discussion.id);
      const correlationId = RequestContext.newCorrelationId();
      RequestContext.run({ correlationId }, () => this.discussions.record(INCIDENTS_EVENTS.discussionTaskOverdue, discussion, all, { taskId: task.id, actor: 'scheduler', at: now }));
      notes.push({ taskId: task.id, discussionId: discussion.id, dueOn: task.dueOn, correlationId });
    }
    await this.discussions.save();
    return { claimed: tasks.length, notes };
  }

  protected logCommitted(notes: readonly OverdueNote[]): void {
    for (const n of notes) this.logger.log({ msg: 'discussion task overdue', ...n });
  }
}
