import { Injectable } from '@nestjs/common';
import { requireRole } from '@gridline/auth';
import type { ExportAuditEntryView, OffsetPage } from '@gridline/platform';
import { ExportAuditRepository } from '@gridline/persistence';
import type { ListAppealExportsQuery } from './list-appeal-exports.query';

/** The exports of appeal lists, newest first, for admins. */
@Injectable()
export class ListAppealExportsUseCase {
  constructor(private readonly audit: ExportAuditRepository) {}

  execute({ caller, filter }: ListAppealExportsQuery): Promise<OffsetPage<ExportAuditEntryView>> {
    requireRole(caller, ['admin'], 'read the audit log of exports');
    return this.audit.page(filter);
  }
}
