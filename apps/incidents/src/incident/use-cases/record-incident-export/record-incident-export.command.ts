import type { Caller } from '@gridline/auth';
import type { RecordIncidentExportRequest } from '@gridline/contracts-incidents';

/** Before the case list is exported: count it in the caller's scope and audit the export. */
export class RecordIncidentExportCommand {
  constructor(
    readonly caller: Caller,
    readonly request: RecordIncidentExportRequest,
  ) {}
}
