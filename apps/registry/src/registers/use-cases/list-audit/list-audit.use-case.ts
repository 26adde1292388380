import { Injectable } from '@nestjs/common';
import { requireRegisterAccess } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import type { AuditEntryView } from '@gridline/contracts-registry';
import { RegisterRepository } from '../../register.repository';
import type { ListAuditQuery } from './list-audit.query';

/** The audit log of unmasked reads, newest first, for administrators. */
@Injectable()
export class ListAuditUseCase {
  constructor(private readonly registers: RegisterRepository) {}

  async execute({ caller, query }: ListAuditQuery): Promise<OffsetPage<AuditEntryView>> {
    requireRegisterAccess(caller, 'resident', 'audit');
    const page = await this.registers.audit(query);
    return {
      ...page,
      items: page.items.map((a) => ({
        id: String(a.id),
        at: a.at.toISOString(),
        actor: a.actor,
        actorRoles: a.actorRoles,
        action: a.action,
        subjectType: a.subjectType,
        subjectId: a.subjectId,
        fields: a.fields,
        reason: a.reason,
        correlationId: a.correlationId,
      })),
    };
  }
}
