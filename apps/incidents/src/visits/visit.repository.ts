import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import type { Page } from '@gridline/platform';
import type { ListVisitsQuery } from '@gridline/contracts-incidents';
import { VisitEntity } from './visit.entity';

/** Reads of visits; writes go through a use case's transaction. */
@Injectable()
export class VisitRepository {
  constructor(readonly em: EntityManager) {}

  findById(id: string): Promise<VisitEntity | null> {
    return this.em.findOne(VisitEntity, { id });
  }

  /** Visits in the caller's scope, newest day first. */
  async page(caller: Caller, query: ListVisitsQuery): Promise<Page<VisitEntity>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where: FilterQuery<VisitEntity>[] = [];
    if (!isUnrestricted(caller)) where.push({ path: { $overlap: caller.units } });
    if (query.unit) where.push({ path: { $contains: [query.unit] } });
    if (query.householdId) where.push({ householdId: query.householdId });
    if (query.from) where.push({ date: { $gte: query.from } });
    if (query.to) where.push({ date: { $lte: query.to } });
    const [items, total] = await this.em.findAndCount(VisitEntity, where.length ? { $and: where } : {}, {
      orderBy: { date: 'desc', createdAt: 'desc', id: 'desc' },
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items, page, pageSize, total };
  }

  /** Links the case a visit opened, unless another case was linked meanwhile; whether it did. */
  async linkCase(em: EntityManager, visitId: string, incidentId: string): Promise<boolean> {
    const linked = await em.nativeUpdate(VisitEntity, { id: visitId, incidentId: null }, { incidentId });
    return linked === 1;
  }

  transactional<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.em.transactional(work);
  }
}
