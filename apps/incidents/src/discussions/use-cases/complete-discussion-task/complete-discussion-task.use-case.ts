import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { INCIDENTS_EVENTS, type DiscussionTaskView } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { allDone, ownsTask, seesTask } from '../../discussion-rules';
import { discussionClosed, notTaskOwner, taskDone, taskNotFound } from '../../discussion.errors';
import { discussionNames, toDiscussionTaskView } from '../../discussion.mapper';
import { DiscussionRepository } from '../../discussion.repository';
import type { CompleteDiscussionTaskCommand } from './complete-discussion-task.command';

/**
 * The owner marks a task done (open or overdue) with a result; when it was the last task not done, the discussion
 * closes in the same transaction (`task_completed`, then `closed`). A task the caller may not see is 404; a 409 (done
 * already, discussion closed) goes only to those who see the task.
 */
@Injectable()
export class CompleteDiscussionTaskUseCase {
  constructor(
    private readonly discussions: DiscussionRepository,
    private readonly reference: ReferenceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  execute({ caller, taskId, result }: CompleteDiscussionTaskCommand): Promise<DiscussionTaskView> {
    return this.transactions.run(async () => {
      // Task, then discussion, each row-locked: the scheduler locks tasks only, meetings and closings the discussion only.
      const task = await this.discussions.findTaskLocked(taskId);
      const discussion = task ? await this.discussions.findByIdLocked(task.discussionId) : null;
      if (!task || !discussion || !seesTask(caller, discussion, task)) throw taskNotFound(taskId);
      if (!ownsTask(caller, task)) throw notTaskOwner();
      if (task.status === 'done') throw taskDone();
      if (discussion.status === 'closed') throw discussionClosed();
      const now = new Date();
      task.status = 'done';
      task.result = result;
      task.doneBy = caller.sub;
      task.doneAt = now;
      const tasks = await this.discussions.tasksOf(discussion.id);
      this.discussions.record(INCIDENTS_EVENTS.discussionTaskCompleted, discussion, tasks, { taskId: task.id, actor: caller.sub, at: now });
      if (allDone(tasks)) {
        discussion.status = 'closed';
        discussion.closedBy = caller.sub;
        discussion.closedAt = now;
        this.discussions.record(INCIDENTS_EVENTS.discussionClosed, discussion, tasks, { actor: caller.sub, at: now });
      }
      await this.discussions.save();
      return toDiscussionTaskView(task, discussion, caller, await this.reference.names(discussionNames([], [task])));
    });
  }
}
