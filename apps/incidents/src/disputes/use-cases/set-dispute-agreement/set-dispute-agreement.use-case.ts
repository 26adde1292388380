import { Injectable } from '@nestjs/common';
import type { DisputeView } from '@gridline/contracts-incidents';
import { IncidentJournal } from '../../../incident/incident-journal';
import { assertNotInFuture } from '../../../visits/china-day';
import { DisputeAgreementEntity } from '../../dispute.entities';
import { DisputeRepository } from '../../dispute.repository';
import type { SetDisputeAgreementCommand } from './set-dispute-agreement.command';

/** Sets (or replaces) the agreement of a dispute case and whether the dispute is resolved. */
@Injectable()
export class SetDisputeAgreementUseCase {
  constructor(
    private readonly disputes: DisputeRepository,
    private readonly journal: IncidentJournal,
  ) {}

  execute({ caller, incidentId, agreement }: SetDisputeAgreementCommand): Promise<DisputeView> {
    return this.disputes.transactional(async (em) => {
      const incident = await this.disputes.lockForChange(em, caller, incidentId);
      assertNotInFuture('date', agreement.date);
      const existing = await em.findOne(DisputeAgreementEntity, { incidentId });
      const values = { text: agreement.text, date: agreement.date, resolved: agreement.resolved, recordedBy: caller.sub, recordedAt: new Date() };
      if (existing) Object.assign(existing, values);
      else em.persist(em.create(DisputeAgreementEntity, { incidentId, ...values }));
      this.journal.record(em, incident, {
        action: 'dispute_agreement_set',
        actor: caller.sub,
        from: incident.status,
        details: { date: agreement.date, resolved: agreement.resolved, replaced: existing !== null },
      });
      await em.flush();
      return this.disputes.view(em, incident, caller);
    });
  }
}
