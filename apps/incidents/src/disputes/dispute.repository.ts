import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '@gridline/auth';
import type { DisputeView } from '@gridline/contracts-incidents';
import { IncidentEntity } from '../incident/incident.entity';
import { incidentNotFound } from '../incident/incident.errors';
import { mayView } from '../incident/incident-process';
import { IncidentRepository } from '../incident/incident.repository';
import { assertMayChangeDispute } from './dispute-rules';
import { DisputeAgreementEntity, DisputePartyEntity, MediationSessionEntity } from './dispute.entities';
import { toDisputeView } from './dispute.mapper';

/** The dispute side of cases: parties, sessions and the agreement, read in the caller's unit of work. */
@Injectable()
export class DisputeRepository {
  constructor(private readonly incidents: IncidentRepository) {}

  transactional<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.incidents.transactional(work);
  }

  /**
   * The case, share-locked for the transaction so that its state cannot change under the dispute's change, once
   * the caller may see it and change its dispute.
   */
  async lockForChange(em: EntityManager, caller: Caller, id: string): Promise<IncidentEntity> {
    const incident = await em.findOne(IncidentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_READ });
    if (!incident || !mayView(caller, incident)) throw incidentNotFound(id);
    assertMayChangeDispute(caller, incident);
    return incident;
  }

  async view(em: EntityManager, incident: IncidentEntity, caller: Caller): Promise<DisputeView> {
    const parties = await em.find(DisputePartyEntity, { incidentId: incident.id }, { orderBy: { addedAt: 'asc', id: 'asc' } });
    const sessions = await em.find(MediationSessionEntity, { incidentId: incident.id }, { orderBy: { date: 'asc', recordedAt: 'asc' } });
    const agreement = await em.findOne(DisputeAgreementEntity, { incidentId: incident.id });
    return toDisputeView(incident, caller, parties, sessions, agreement);
  }
}
