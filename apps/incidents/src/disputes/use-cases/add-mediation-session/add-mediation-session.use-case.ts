import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import type { DisputeView } from '@gridline/contracts-incidents';
import { IncidentJournal } from '../../../incident/incident-journal';
import { assertNotInFuture } from '../../../visits/china-day';
import { DisputeRepository } from '../../dispute.repository';
import type { AddMediationSessionCommand } from './add-mediation-session.command';

/**
 * Records a mediation session of a dispute case. The timeline notes the day only: the outcome may name the
 * parties, so it stays on the dispute.
 */
@Injectable()
export class AddMediationSessionUseCase {
  constructor(
    private readonly disputes: DisputeRepository,
    private readonly journal: IncidentJournal,
    private readonly transactions: TransactionRunner,
  ) {}

  execute({ caller, incidentId, session }: AddMediationSessionCommand): Promise<DisputeView> {
    return this.transactions.run(async () => {
      const incident = await this.disputes.lockForChange(caller, incidentId);
      assertNotInFuture('date', session.date);
      const id = randomUUID();
      this.disputes.addSession({ id, incidentId, date: session.date, mediator: session.mediator, outcome: session.outcome, recordedBy: caller.sub });
      this.journal.record(incident, { action: 'mediation_session_added', actor: caller.sub, from: incident.status, details: { sessionId: id, date: session.date } });
      await this.disputes.save();
      return this.disputes.view(incident, caller);
    });
  }
}
