import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { requireRole } from '@gridline/auth';
import { mapItems, type OffsetPage } from '@gridline/platform';
import type { CallerAuditEntryView } from '@gridline/contracts-hotline';
import type { CallerAuditEntity } from '../../caller-audit.entity';
import { CallerAuditRepository } from '../../caller-audit.repository';
import type { ListCallerAuditQuery } from './list-caller-audit.query';

/** The audit log of callers shown in clear, for admins. */
@Injectable()
export class ListCallerAuditUseCase {
  constructor(private readonly audit: CallerAuditRepository) {}

  async execute({ caller, filter: query }: ListCallerAuditQuery): Promise<OffsetPage<CallerAuditEntryView>> {
    requireRole(caller, ['admin'], 'read the audit log of revealed callers');
    const where: FilterQuery<CallerAuditEntity> = {
      ...(query.appealId ? { appealId: query.appealId } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
    };
    const page = await this.audit.page(where, query);
    return mapItems(page, (r) => ({ id: String(r.id), at: r.at.toISOString(), actor: r.actor, actorRoles: r.actorRoles, appealId: r.appealId, fields: r.fields, reason: r.reason, correlationId: r.correlationId }));
  }
}
