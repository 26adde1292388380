import { Injectable } from '@nestjs/common';
import type { RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Outbox } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS, type OfficerRole } from '@gridline/contracts-party-building';
import { OfficerEntity } from './officer.entity';
import { toOfficerEventData } from './officer.mapper';
import type { OrganisationEntity } from './organisation.entity';

/** Officers' terms, with their events, in the caller's unit of work (the organisation locked by the use case). */
@Injectable()
export class OfficerRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  /** A new term with its `organisation.officer_appointed` event (ids only). */
  add(organisation: OrganisationEntity, data: Omit<RequiredEntityData<OfficerEntity>, 'organisationId'>): OfficerEntity {
    const officer = this.em.create(OfficerEntity, { ...data, organisationId: organisation.id });
    this.em.persist(officer);
    this.events.record(PARTY_BUILDING_EVENTS.officerAppointed, organisation.id, toOfficerEventData(officer, organisation));
    return officer;
  }

  /** Records `organisation.officer_ended` for a term given its end (flushed with the unit of work). */
  ended(officer: OfficerEntity, organisation: OrganisationEntity): void {
    officer.updatedAt = new Date();
    this.events.record(PARTY_BUILDING_EVENTS.officerEnded, organisation.id, toOfficerEventData(officer, organisation));
  }

  async save(): Promise<void> {
    await this.em.flush();
  }

  findById(id: string): Promise<OfficerEntity | null> {
    return this.em.findOne(OfficerEntity, { id });
  }

  /** Every term of the organisation, newest first. */
  ofOrganisation(organisationId: string): Promise<OfficerEntity[]> {
    return this.em.find(OfficerEntity, { organisationId }, { orderBy: { startsOn: 'desc', createdAt: 'desc', id: 'asc' } });
  }

  /** The terms of `role` covering `day` in these organisations. */
  currentIn(organisationIds: readonly string[], day: string, role?: OfficerRole): Promise<OfficerEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.em.find(OfficerEntity, {
      organisationId: { $in: [...organisationIds] },
      startsOn: { $lte: day },
      $or: [{ endsOn: null }, { endsOn: { $gte: day } }],
      ...(role ? { role } : {}),
    });
  }
}
