import { Injectable } from '@nestjs/common';
import type { FilterQuery, RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import { offsetPage, pageOffset, type OffsetPage } from '@gridline/platform';
import { Outbox } from '@gridline/messaging';
import { INCIDENTS_EVENTS, type ListVisitsQuery } from '@gridline/contracts-incidents';
import { VisitEntity } from './visit.entity';
import { toVisitLoggedData } from './visit.mapper';

/** Visits, read and written in the caller's unit of work (a use case's transaction when it runs in one). */
@Injectable()
export class VisitRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  /** A new visit with its `visit.logged` event (ids only), both persisted with the transaction. */
  add(data: RequiredEntityData<VisitEntity>): VisitEntity {
    const visit = this.em.create(VisitEntity, data);
    this.em.persist(visit);
    this.events.record(INCIDENTS_EVENTS.visitLogged, visit.id, toVisitLoggedData(visit));
    return visit;
  }

  /** Writes the changes of this unit of work now. */
  async save(): Promise<void> {
    await this.em.flush();
  }

  findById(id: string): Promise<VisitEntity | null> {
    return this.em.findOne(VisitEntity, { id });
  }

  /** Visits in the caller's scope, newest day first. */
  async page(caller: Caller, query: ListVisitsQuery): Promise<OffsetPage<VisitEntity>> {
    const where: FilterQuery<VisitEntity>[] = [];
    if (!isUnrestricted(caller)) where.push({ path: { $overlap: caller.units } });
    if (query.unit) where.push({ path: { $contains: [query.unit] } });
    if (query.householdId) where.push({ householdId: query.householdId });
    if (query.from) where.push({ date: { $gte: query.from } });
    if (query.to) where.push({ date: { $lte: query.to } });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(VisitEntity, where.length ? { $and: where } : {}, { orderBy: { date: 'desc', createdAt: 'desc', id: 'desc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /** Links the case a visit opened, unless another case was linked meanwhile; whether it did. */
  async linkCase(visitId: string, incidentId: string): Promise<boolean> {
    const linked = await this.em.nativeUpdate(VisitEntity, { id: visitId, incidentId: null }, { incidentId });
    return linked === 1;
  }
}
