import { Injectable } from '@nestjs/common';
import { requireRole } from '@gridline/auth';
import type { ExportAuditEntryView, OffsetPage } from '@gridline/platform';
import { ExportAuditRepository } from '@gridline/persistence';
import type { ListAnalyticsExportsQuery } from './list-analytics-exports.query';

/** The exports of figure tables and monthly reports, newest first, for admins. */
@Injectable()
export class ListAnalyticsExportsUseCase {
  constructor(private readonly audit: ExportAuditRepository) {}

  execute({ caller, filter }: ListAnalyticsExportsQuery): Promise<OffsetPage<ExportAuditEntryView>> {
    requireRole(caller, ['admin'], 'read the audit log of exports');
    return this.audit.page(filter);
  }
}
