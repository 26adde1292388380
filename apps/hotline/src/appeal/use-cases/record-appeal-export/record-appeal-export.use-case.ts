import { Injectable } from '@nestjs/common';
import type { ExportRecorded } from '@gridline/platform';
import { ExportAuditRepository, PersonalDataCipher } from '@gridline/persistence';
import { allOf, appealFilters } from '../../appeal-filters';
import { AppealRepository } from '../../appeal.repository';
import type { RecordAppealExportCommand } from './record-appeal-export.command';

/** The list an appeals export audits. */
export const APPEALS_EXPORT_LIST = 'appeals';

/**
 * Before the gateway writes the appeal list to a file: counts the appeals the caller may list with these filters,
 * refuses more than `maxRows` (422 naming the filters), and records who exported what, when, and how many rows —
 * committed before a row is read. A caller's phone given as a filter is kept as `masked`, never in clear.
 */
@Injectable()
export class RecordAppealExportUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: ExportAuditRepository,
  ) {}

  async execute({ caller, request }: RecordAppealExportCommand): Promise<ExportRecorded> {
    const { format, maxRows, page: _page, pageSize: _pageSize, ...filters } = request;
    const rows = await this.appeals.count(allOf(appealFilters(caller, filters, this.cipher)));
    return this.audit.recordExport({ caller, list: APPEALS_EXPORT_LIST, format, filters, personal: ['phone'], rows, maxRows });
  }
}
