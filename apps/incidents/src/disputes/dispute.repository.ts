import { Injectable } from '@nestjs/common';
import type { RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '@gridline/auth';
import type { DisputeView } from '@gridline/contracts-incidents';
import type { IncidentEntity } from '../incident/incident.entity';
import { incidentNotFound } from '../incident/incident.errors';
import { mayView } from '../incident/incident-process';
import { IncidentRepository } from '../incident/incident.repository';
import { assertMayChangeDispute } from './dispute-rules';
import { DisputeAgreementEntity, DisputePartyEntity, MediationSessionEntity } from './dispute.entities';
import { toDisputeView } from './dispute.mapper';

/** The dispute side of cases: parties, sessions and the agreement, read and written in the caller's unit of work. */
@Injectable()
export class DisputeRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly incidents: IncidentRepository,
  ) {}

  /**
   * The case, share-locked for the transaction so that its state cannot change under the dispute's change, once
   * the caller may see it and change its dispute.
   */
  async lockForChange(caller: Caller, id: string): Promise<IncidentEntity> {
    const incident = await this.incidents.findByIdShareLocked(id);
    if (!incident || !mayView(caller, incident)) throw incidentNotFound(id);
    assertMayChangeDispute(caller, incident);
    return incident;
  }

  addParty(party: RequiredEntityData<DisputePartyEntity>): void {
    this.em.persist(this.em.create(DisputePartyEntity, party));
  }

  addSession(session: RequiredEntityData<MediationSessionEntity>): void {
    this.em.persist(this.em.create(MediationSessionEntity, session));
  }

  agreement(incidentId: string): Promise<DisputeAgreementEntity | null> {
    return this.em.findOne(DisputeAgreementEntity, { incidentId });
  }

  /** Sets the case's agreement (replacing the one there is); whether it replaced one. */
  async setAgreement(incidentId: string, values: Omit<RequiredEntityData<DisputeAgreementEntity>, 'incidentId'>): Promise<boolean> {
    const existing = await this.agreement(incidentId);
    if (existing) Object.assign(existing, values);
    else this.em.persist(this.em.create(DisputeAgreementEntity, { incidentId, ...values }));
    return existing !== null;
  }

  /** Writes the changes of this unit of work now. */
  async save(): Promise<void> {
    await this.em.flush();
  }

  async view(incident: IncidentEntity, caller: Caller): Promise<DisputeView> {
    const parties = await this.em.find(DisputePartyEntity, { incidentId: incident.id }, { orderBy: { addedAt: 'asc', id: 'asc' } });
    const sessions = await this.em.find(MediationSessionEntity, { incidentId: incident.id }, { orderBy: { date: 'asc', recordedAt: 'asc' } });
    const agreement = await this.agreement(incident.id);
    return toDisputeView(incident, caller, parties, sessions, agreement);
  }
}
