import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import type { Page } from '@gridline/platform';
import type { RegisterListQuery } from '@gridline/contracts-registry';
import { AuditLogEntity, BuildingEntity, BusinessEntity, HouseholdEntity, ResidentEntity } from './register.entities';

type Scoped = BuildingEntity | HouseholdEntity | ResidentEntity | BusinessEntity;
type ScopedClass<T extends Scoped> = new () => T;

/** Reads and writes of the registers; every list is cut to the caller's scope here. */
@Injectable()
export class RegisterRepository {
  constructor(private readonly em: EntityManager) {}

  findOne<T extends Scoped>(cls: ScopedClass<T>, id: string): Promise<T | null> {
    return this.em.findOne(cls, { id } as FilterQuery<T>);
  }

  findResidentByIdIndex(index: string): Promise<ResidentEntity | null> {
    return this.em.findOne(ResidentEntity, { idNumberIndex: index });
  }

  findBusinessByCreditCode(creditCode: string): Promise<BusinessEntity | null> {
    return this.em.findOne(BusinessEntity, { creditCode });
  }

  membersOf(householdId: string): Promise<ResidentEntity[]> {
    return this.em.find(ResidentEntity, { householdId }, { orderBy: { birthDate: 'asc' } });
  }

  /** One page of records of a kind in the caller's scope, narrowed by unit and extra filters. */
  async page<T extends Scoped>(
    cls: ScopedClass<T>,
    caller: Caller,
    query: RegisterListQuery,
    filters: FilterQuery<T>[] = [],
    orderBy: Record<string, 'asc' | 'desc'> = { createdAt: 'asc' },
  ): Promise<Page<T>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where: FilterQuery<T>[] = [...filters];
    if (!isUnrestricted(caller)) where.push({ path: { $overlap: caller.units } } as FilterQuery<T>);
    if (query.unit) where.push({ path: { $contains: [query.unit] } } as FilterQuery<T>);
    const [items, total] = await this.em.findAndCount(cls, (where.length ? { $and: where } : {}) as FilterQuery<T>, {
      orderBy: { ...orderBy, id: 'asc' } as never,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items, page, pageSize, total };
  }

  async audit(query: { subjectId?: string; actor?: string; page?: number; pageSize?: number }): Promise<Page<AuditLogEntity>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where: FilterQuery<AuditLogEntity> = {
      ...(query.subjectId ? { subjectId: query.subjectId } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
    };
    const [items, total] = await this.em.findAndCount(AuditLogEntity, where, { orderBy: { at: 'desc', id: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize });
    return { items, page, pageSize, total };
  }

  transactional<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.em.transactional(work);
  }
}

/** `%text%` for ILIKE, with the pattern characters of the text escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
