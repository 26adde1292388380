import type { DiscussionEventData } from '@gridline/contracts-incidents';

export class RecordDiscussionOutcomeCommand {
  constructor(
    /** The event's name below `discussion.` (`opened`, `task_assigned`, `task_completed`, `task_overdue`, `closed`, `open_failed`). */
    readonly event: string,
    readonly data: DiscussionEventData,
  ) {}
}
