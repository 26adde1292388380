import { Injectable } from '@nestjs/common';
import type { DisputeView } from '@gridline/contracts-incidents';
import { incidentNotFound } from '../../../incident/incident.errors';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import { assertIsDispute } from '../../dispute-rules';
import { DisputeRepository } from '../../dispute.repository';
import type { ReadDisputeCommand } from './read-dispute.command';

/** The dispute side of a case, for whoever may see the case. */
@Injectable()
export class ReadDisputeUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly disputes: DisputeRepository,
  ) {}

  async execute({ caller, id }: ReadDisputeCommand): Promise<DisputeView> {
    const incident = await this.incidents.findById(id);
    if (!incident || !mayView(caller, incident)) throw incidentNotFound(id);
    assertIsDispute(incident);
    return this.disputes.view(incident, caller);
  }
}
