import { Injectable } from '@nestjs/common';
import { LockMode, UniqueConstraintViolationException, type FilterQuery, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { offsetPage, pageOffset, type OffsetPage, type PageQuery } from '@gridline/platform';
import { Outbox, type EventDefinition } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS, type ListRegistrationsQuery, type RegistrationEventData } from '@gridline/contracts-party-building';
import { RegistrationEntity } from './registration.entity';
import { toRegistrationEventData } from './registration.mapper';
import { CURRENT_STATES } from './registration-rules';

const NEWEST_FIRST = { createdAt: 'desc', id: 'asc' } as const;

/** Dual registrations, read and written in the caller's unit of work (a use case's transaction when it runs in one). */
@Injectable()
export class RegistrationRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  /** A new registration with its `registration.submitted` event, both persisted with the transaction. */
  add(data: RequiredEntityData<RegistrationEntity>): RegistrationEntity {
    const registration = this.em.create(RegistrationEntity, data);
    this.em.persist(registration);
    this.events.record(PARTY_BUILDING_EVENTS.registrationSubmitted, registration.id, toRegistrationEventData(registration));
    return registration;
  }

  /** Records a step's event (approved, rejected, ended) for a changed registration, flushed with the unit of work. */
  stepped(registration: RegistrationEntity, event: EventDefinition<RegistrationEventData>): void {
    registration.updatedAt = new Date();
    this.events.record(event, registration.id, toRegistrationEventData(registration));
  }

  /** Writes the unit of work; false when the member's one current registration was taken meanwhile (the unique index). */
  async save(): Promise<boolean> {
    try {
      await this.em.flush();
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  findById(id: string): Promise<RegistrationEntity | null> {
    return this.em.findOne(RegistrationEntity, { id });
  }

  /** The registration, locked for the rest of the transaction (a step on it, or the registry's answer). */
  lock(id: string): Promise<RegistrationEntity | null> {
    return this.em.findOne(RegistrationEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The member's current registration (submitted or approved), if any. */
  findCurrentOfMember(memberId: string): Promise<RegistrationEntity | null> {
    return this.em.findOne(RegistrationEntity, { memberId, state: { $in: [...CURRENT_STATES] } });
  }

  /** Registrations whose grid lies within `units` (null: everywhere), by the list's filters, newest first. */
  async page(units: string[] | null, query: ListRegistrationsQuery): Promise<OffsetPage<RegistrationEntity>> {
    const where: FilterQuery<RegistrationEntity>[] = [];
    if (units) where.push({ path: { $overlap: units } });
    if (query.unit) where.push({ path: { $contains: [query.unit] } });
    if (query.state) where.push({ state: query.state });
    if (query.memberId) where.push({ memberId: query.memberId });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(RegistrationEntity, where.length ? { $and: where } : {}, { orderBy: NEWEST_FIRST, limit, offset });
    return offsetPage(items, total, query);
  }

  /** One member's registrations, newest first. */
  async pageOfMember(memberId: string, query: PageQuery): Promise<OffsetPage<RegistrationEntity>> {
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(RegistrationEntity, { memberId }, { orderBy: NEWEST_FIRST, limit, offset });
    return offsetPage(items, total, query);
  }
}
