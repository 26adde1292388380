import { Injectable } from '@nestjs/common';
import type { ExportRecorded } from '@gridline/platform';
import { ExportAuditRepository } from '@gridline/persistence';
import { IncidentRepository, incidentFilters } from '../../incident.repository';
import type { RecordIncidentExportCommand } from './record-incident-export.command';

/** The list an incidents export audits. */
export const INCIDENTS_EXPORT_LIST = 'incidents';

/**
 * Before the gateway writes the case list to a file: counts the cases the caller may list with these filters (the
 * list's own scope and conditions), refuses more than `maxRows` (422 naming the filters), and records who exported
 * what, when, and how many rows — committed before a row is read.
 */
@Injectable()
export class RecordIncidentExportUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly audit: ExportAuditRepository,
  ) {}

  async execute({ caller, request }: RecordIncidentExportCommand): Promise<ExportRecorded> {
    const { format, maxRows, ...filters } = request;
    const rows = await this.incidents.count(incidentFilters(caller, filters));
    return this.audit.recordExport({ caller, list: INCIDENTS_EXPORT_LIST, format, filters, rows, maxRows, rowsName: 'cases' });
  }
}
