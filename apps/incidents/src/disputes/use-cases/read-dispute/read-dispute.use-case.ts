import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '@gridline/auth';
import type { DisputeView } from '@gridline/contracts-incidents';
import { IncidentEntity } from '../../../incident/incident.entity';
import { incidentNotFound } from '../../../incident/incident.errors';
import { mayView } from '../../../incident/incident-process';
import { assertIsDispute } from '../../dispute-rules';
import { DisputeRepository } from '../../dispute.repository';

/** The dispute side of a case, for whoever may see the case. */
@Injectable()
export class ReadDisputeUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly disputes: DisputeRepository,
  ) {}

  async execute(caller: Caller, id: string): Promise<DisputeView> {
    const incident = await this.em.findOne(IncidentEntity, { id });
    if (!incident || !mayView(caller, incident)) throw incidentNotFound(id);
    assertIsDispute(incident);
    return this.disputes.view(this.em, incident, caller);
  }
}
