import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { DisputeView } from '@gridline/contracts-incidents';
import { IncidentJournal } from '../../../incident/incident-journal';
import { DisputePartyEntity } from '../../dispute.entities';
import { DisputeRepository } from '../../dispute.repository';
import type { AddDisputePartyCommand } from './add-dispute-party.command';

/** Adds a party to a dispute case. The timeline notes the party's role only: names stay on the dispute. */
@Injectable()
export class AddDisputePartyUseCase {
  constructor(
    private readonly disputes: DisputeRepository,
    private readonly journal: IncidentJournal,
  ) {}

  execute({ caller, incidentId, party }: AddDisputePartyCommand): Promise<DisputeView> {
    return this.disputes.transactional(async (em) => {
      const incident = await this.disputes.lockForChange(em, caller, incidentId);
      const id = randomUUID();
      em.persist(em.create(DisputePartyEntity, { id, incidentId, name: party.name, role: party.role, addedBy: caller.sub }));
      this.journal.record(em, incident, { action: 'dispute_party_added', actor: caller.sub, from: incident.status, details: { partyId: id, role: party.role } });
      await em.flush();
      return this.disputes.view(em, incident, caller);
    });
  }
}
