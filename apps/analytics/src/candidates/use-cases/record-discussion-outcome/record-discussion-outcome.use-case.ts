import { Injectable } from '@nestjs/common';
import type { CandidateOutcomeView } from '@gridline/contracts-analytics';
import type { DiscussionEventData } from '@gridline/contracts-incidents';
import { TransactionRunner } from '@gridline/persistence';
import { CandidateRepository } from '../../candidate.repository';
import type { RecordDiscussionOutcomeCommand } from './record-discussion-outcome.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The outcome a discussion event tells, over what the candidate showed before (a closing time once closed is kept). */
export function outcomeOf(event: string, data: DiscussionEventData, before: CandidateOutcomeView | null): CandidateOutcomeView {
  const tasks = Array.isArray(data.tasks) ? data.tasks : [];
  const failed = event === 'open_failed';
  return {
    discussionId: data.discussionId ?? before?.discussionId ?? null,
    status: failed ? 'open_failed' : String(data.status ?? event),
    tasksTotal: tasks.length,
    tasksDone: tasks.filter((t) => t.status === 'done').length,
    tasksOverdue: tasks.filter((t) => t.status === 'overdue').length,
    closedAt: event === 'closed' ? data.at : (before?.closedAt ?? null),
    reason: data.reason ?? (failed ? 'the discussion could not be opened' : null),
    at: data.at,
  };
}

/**
 * Shows on a lifted candidate what its 3+N discussion came to (discussion, status, tasks done of all, overdue, closed
 * at; a failed opening with its reason, the candidate staying with the street centre to lift again). An event of a
 * candidate analytics does not hold, or older than the one shown, changes nothing; the consumer then goes on.
 */
@Injectable()
export class RecordDiscussionOutcomeUseCase {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ event, data }: RecordDiscussionOutcomeCommand): Promise<boolean> {
    const at = new Date(data.at);
    if (!data.candidateId || !UUID.test(data.candidateId) || Number.isNaN(at.getTime())) return false;
    const candidateId = data.candidateId;
    return this.transactions.run(async () => {
      const row = await this.candidates.get(candidateId, true);
      if (!row || row.status !== 'lifted' || (row.outcomeAt && row.outcomeAt > at)) return false;
      await this.candidates.update({ ...row, outcome: outcomeOf(event, data, row.outcome), outcomeAt: at, updatedAt: new Date() });
      return true;
    });
  }
}
