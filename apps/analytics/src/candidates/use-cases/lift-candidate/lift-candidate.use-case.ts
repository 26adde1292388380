import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { Outbox } from '@gridline/messaging';
import { ANALYTICS_EVENTS, type CandidateView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { notRaised, requireCandidateDecider, seenCandidate } from '../../candidate-access';
import { CandidateRepository, type CandidateRow } from '../../candidate.repository';
import { candidateCodes, liftedEvent, toCandidateView } from '../../candidate.mapper';

/** Whether a candidate may be lifted: raised, or lifted before and incidents could not open the discussion (`open_failed`: lifted again). */
export const liftable = (row: CandidateRow) => row.status === 'raised' || (row.status === 'lifted' && row.outcome?.status === 'open_failed');

/**
 * Lifts a candidate into a 3+N joint discussion, in one action: `lifted` and `candidate.lifted` commit together, and
 * incidents opens the discussion from the event (answering on `events.incidents.discussion.>`, which the candidate
 * then shows as its outcome).
 */
@Injectable()
export class LiftCandidateUseCase {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly reference: ReferenceRepository,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute(caller: Caller, id: string): Promise<CandidateView> {
    requireCandidateDecider(caller, 'lift a 3+N candidate');
    const row = await this.transactions.run(async () => {
      const found = seenCandidate(caller, id, await this.candidates.get(id, true));
      if (!liftable(found)) throw notRaised(found);
      const now = new Date();
      // A failed opening is cleared; its time stays, so that a late event of that attempt changes nothing.
      const lifted = { ...found, status: 'lifted' as const, liftedBy: caller.sub, liftedAt: now, outcome: null, updatedAt: now };
      await this.candidates.update(lifted);
      this.outbox.record(ANALYTICS_EVENTS.candidateLifted, id, liftedEvent(lifted));
      return lifted;
    });
    return toCandidateView(row, await this.reference.names(candidateCodes([row])));
  }
}
