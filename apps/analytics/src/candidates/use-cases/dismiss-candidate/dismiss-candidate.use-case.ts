import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { Outbox } from '@gridline/messaging';
import { ANALYTICS_EVENTS, analyticsInvalid, type CandidateView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { notRaised, requireCandidateDecider, seenCandidate } from '../../candidate-access';
import { CandidateRepository } from '../../candidate.repository';
import { candidateCodes, dismissedEvent, toCandidateView } from '../../candidate.mapper';
import type { DismissCandidateCommand } from './dismiss-candidate.command';

/** The street grid centre judges a raised candidate no 3+N matter: `dismissed` with the reason, and `candidate.dismissed`; its evidence never raises another candidate of the rule. */
@Injectable()
export class DismissCandidateUseCase {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly reference: ReferenceRepository,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, reason }: DismissCandidateCommand): Promise<CandidateView> {
    requireCandidateDecider(caller, 'dismiss a 3+N candidate');
    if (!reason.trim()) throw analyticsInvalid('reason', 'must not be empty');
    const row = await this.transactions.run(async () => {
      const found = seenCandidate(caller, id, await this.candidates.get(id, true));
      if (found.status !== 'raised') throw notRaised(found);
      const now = new Date();
      const dismissed = { ...found, status: 'dismissed' as const, dismissReason: reason.trim(), dismissedBy: caller.sub, dismissedAt: now, updatedAt: now };
      await this.candidates.update(dismissed);
      this.outbox.record(ANALYTICS_EVENTS.candidateDismissed, id, dismissedEvent(dismissed));
      return dismissed;
    });
    return toCandidateView(row, await this.reference.names(candidateCodes([row])));
  }
}
