import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { offsetPage, pageOffset, type OffsetPage, type PageRequest } from '@gridline/platform';
import { AppealEntity } from './appeal.entity';
import { CallerAuditEntity } from './caller-audit.entity';

/** The appeals a reveal reads and the audit rows it writes. */
@Injectable()
export class CallerAuditRepository {
  constructor(private readonly em: EntityManager) {}

  findAppeal(id: string): Promise<AppealEntity | null> {
    return this.em.findOne(AppealEntity, { id });
  }

  /** Writes the audit row at once (its flush commits it): the clear value is shown only once it is stored. */
  async record(entry: Pick<CallerAuditEntity, 'actor' | 'actorRoles' | 'appealId' | 'fields' | 'reason' | 'correlationId'>): Promise<void> {
    await this.em.persist(this.em.create(CallerAuditEntity, entry)).flush();
  }

  /** One page of the audit rows matching `where`, newest first. */
  async page(where: FilterQuery<CallerAuditEntity>, query: PageRequest): Promise<OffsetPage<CallerAuditEntity>> {
    const { limit, offset } = pageOffset(query);
    const [rows, total] = await this.em.findAndCount(CallerAuditEntity, where, { orderBy: { at: 'desc', id: 'desc' }, limit, offset });
    return offsetPage(rows, total, query);
  }
}
