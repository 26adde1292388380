import { Injectable } from '@nestjs/common';
import { LockMode, type FilterQuery, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { offsetPage, pageOffset, type OffsetPage } from '@gridline/platform';
import { Outbox } from '@gridline/messaging';
import { PARTY_BUILDING_EVENTS, type ListOrganisationsQuery, type OrganisationLevel } from '@gridline/contracts-party-building';
import { OrganisationEntity } from './organisation.entity';
import { toOrganisationEventData } from './organisation.mapper';
import { BRANCH_LEVELS, ONE_PER_UNIT } from './organisation-rules';

/** Party organisations, read and written in the caller's unit of work (a use case's transaction when it runs in one). */
@Injectable()
export class OrganisationRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  /** A new organisation with its `organisation.created` event, both persisted with the transaction. */
  add(data: RequiredEntityData<OrganisationEntity>): OrganisationEntity {
    const organisation = this.em.create(OrganisationEntity, data);
    this.em.persist(organisation);
    this.events.record(PARTY_BUILDING_EVENTS.organisationCreated, organisation.id, toOrganisationEventData(organisation, []));
    return organisation;
  }

  /** Records `organisation.updated` for a changed organisation (the change itself is flushed with the unit of work). */
  changed(organisation: OrganisationEntity, fields: string[]): void {
    organisation.updatedAt = new Date();
    this.events.record(PARTY_BUILDING_EVENTS.organisationUpdated, organisation.id, toOrganisationEventData(organisation, fields));
  }

  async save(): Promise<void> {
    await this.em.flush();
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.em.findOne(OrganisationEntity, { id });
  }

  /** The organisation, locked for the rest of the transaction (a change, or a child being attached). */
  lock(id: string): Promise<OrganisationEntity | null> {
    return this.em.findOne(OrganisationEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The active organisation that already fills the unit's slot for `level` (none for party groups). */
  findHolder(unitCode: string, level: OrganisationLevel): Promise<OrganisationEntity | null> {
    const levels = ONE_PER_UNIT[level];
    if (!levels) return Promise.resolve(null);
    return this.em.findOne(OrganisationEntity, { unitCode, level: { $in: levels }, active: true });
  }

  /** How many active organisations hang directly under this one. */
  countActiveChildren(id: string): Promise<number> {
    return this.em.count(OrganisationEntity, { parentId: id, active: true });
  }

  /** Organisations bound within `units` (null: everywhere), by the list's filters, top levels first. */
  async page(units: string[] | null, query: ListOrganisationsQuery): Promise<OffsetPage<OrganisationEntity>> {
    const where: FilterQuery<OrganisationEntity>[] = [];
    if (units) where.push({ path: { $overlap: units } });
    if (query.unit) where.push({ path: { $contains: [query.unit] } });
    if (query.level) where.push({ level: query.level });
    if (query.parentId) where.push({ parentId: query.parentId });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(OrganisationEntity, where.length ? { $and: where } : {}, { orderBy: { unitCode: 'asc', level: 'asc', name: 'asc', id: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /** The active branches and joint branches bound to these grids. */
  activeBranchesOf(gridCodes: readonly string[]): Promise<OrganisationEntity[]> {
    return this.em.find(OrganisationEntity, { unitCode: { $in: [...gridCodes] }, level: { $in: [...BRANCH_LEVELS] }, active: true }, { orderBy: { unitCode: 'asc' } });
  }
}
