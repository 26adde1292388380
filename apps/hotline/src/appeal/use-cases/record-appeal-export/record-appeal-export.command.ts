import type { Caller } from '@gridline/auth';
import type { RecordAppealExportRequest } from '@gridline/contracts-hotline';

/** Before the appeal list is exported: count it in the caller's scope and audit the export. */
export class RecordAppealExportCommand {
  constructor(
    readonly caller: Caller,
    readonly request: RecordAppealExportRequest,
  ) {}
}
