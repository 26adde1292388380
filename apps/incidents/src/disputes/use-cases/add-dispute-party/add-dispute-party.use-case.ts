import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import type { DisputeView } from '@gridline/contracts-incidents';
import { IncidentJournal } from '../../../incident/incident-journal';
import { DisputeRepository } from '../../dispute.repository';
import type { AddDisputePartyCommand } from './add-dispute-party.command';

/** Adds a party to a dispute case. The timeline notes the party's role only: names stay on the dispute. */
@Injectable()
export class AddDisputePartyUseCase {
  constructor(
    private readonly disputes: DisputeRepository,
    private readonly journal: IncidentJournal,
    private readonly transactions: TransactionRunner,
  ) {}

  execute({ caller, incidentId, party }: AddDisputePartyCommand): Promise<DisputeView> {
    return this.transactions.run(async () => {
      const incident = await this.disputes.lockForChange(caller, incidentId);
      const id = randomUUID();
      this.disputes.addParty({ id, incidentId, name: party.name, role: party.role, addedBy: caller.sub });
      this.journal.record(incident, { action: 'dispute_party_added', actor: caller.sub, from: incident.status, details: { partyId: id, role: party.role } });
      await this.disputes.save();
      return this.disputes.view(incident, caller);
    });
  }
}
