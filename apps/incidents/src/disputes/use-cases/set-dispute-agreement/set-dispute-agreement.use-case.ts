import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import type { DisputeView } from '@gridline/contracts-incidents';
import { IncidentJournal } from '../../../incident/incident-journal';
import { assertNotInFuture } from '../../../visits/china-day';
import { DisputeRepository } from '../../dispute.repository';
import type { SetDisputeAgreementCommand } from './set-dispute-agreement.command';

/** Sets (or replaces) the agreement of a dispute case and whether the dispute is resolved. */
@Injectable()
export class SetDisputeAgreementUseCase {
  constructor(
    private readonly disputes: DisputeRepository,
    private readonly journal: IncidentJournal,
    private readonly transactions: TransactionRunner,
  ) {}

  execute({ caller, incidentId, agreement }: SetDisputeAgreementCommand): Promise<DisputeView> {
    return this.transactions.run(async () => {
      const incident = await this.disputes.lockForChange(caller, incidentId);
      assertNotInFuture('date', agreement.date);
      const replaced = await this.disputes.setAgreement(incidentId, { text: agreement.text, date: agreement.date, resolved: agreement.resolved, recordedBy: caller.sub, recordedAt: new Date() });
      this.journal.record(incident, {
        action: 'dispute_agreement_set',
        actor: caller.sub,
        from: incident.status,
        details: { date: agreement.date, resolved: agreement.resolved, replaced },
      });
      await this.disputes.save();
      return this.disputes.view(incident, caller);
    });
  }
}
