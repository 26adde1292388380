import { Injectable } from '@nestjs/common';
import { FIGURES_READERS, PARTY_READERS, requireRole, WORKLOAD_READERS, type Role } from '@gridline/auth';
import type { ExportRecorded } from '@gridline/platform';
import { ExportAuditRepository } from '@gridline/persistence';
import type { AnalyticsExportTable } from '@gridline/contracts-analytics';
import { HOTLINE_FIGURES_ROLES } from '../../../hotline/use-cases/get-hotline-figures/get-hotline-figures.use-case';
import type { RecordAnalyticsExportCommand } from './record-analytics-export.command';

/** Who reads each table (as its own request requires; the collection quality: anyone, over their own scope). */
export const TABLE_READERS: Record<AnalyticsExportTable, readonly Role[] | null> = {
  figures: FIGURES_READERS,
  hotspots: FIGURES_READERS,
  trends: FIGURES_READERS,
  party: PARTY_READERS,
  collection: null,
  hotline: HOTLINE_FIGURES_ROLES,
  rankings: FIGURES_READERS,
  workload: WORKLOAD_READERS,
};

/** The list an export of a figure table is audited under: `analytics.<table>`. */
export const exportList = (table: AnalyticsExportTable) => `analytics.${table}`;

/**
 * Before the gateway sends a figure table as a file (it asked the table as the caller, so scope applied): refuses a
 * caller who does not read that table, more rows than `maxRows` (422 naming the filters), and records who exported
 * which table, when, with which filters and how many rows — committed before a byte is sent.
 */
@Injectable()
export class RecordAnalyticsExportUseCase {
  constructor(private readonly audit: ExportAuditRepository) {}

  execute({ caller, request }: RecordAnalyticsExportCommand): Promise<ExportRecorded> {
    const { table, format, filters, rows, maxRows } = request;
    const readers = TABLE_READERS[table];
    if (readers) requireRole(caller, readers, `export the ${table} table`);
    return this.audit.recordExport({ caller, list: exportList(table), format, filters, rows, maxRows, rowsName: `rows of ${table}` });
  }
}
