import { Injectable } from '@nestjs/common';
import { requireRole } from '@gridline/auth';
import type { ExportAuditEntryView, OffsetPage } from '@gridline/platform';
import { ExportAuditRepository } from '@gridline/persistence';
import type { ListIncidentExportsQuery } from './list-incident-exports.query';

/** The exports of case lists, newest first, for admins. */
@Injectable()
export class ListIncidentExportsUseCase {
  constructor(private readonly audit: ExportAuditRepository) {}

  execute({ caller, filter }: ListIncidentExportsQuery): Promise<OffsetPage<ExportAuditEntryView>> {
    requireRole(caller, ['admin'], 'read the audit log of exports');
    return this.audit.page(filter);
  }
}
