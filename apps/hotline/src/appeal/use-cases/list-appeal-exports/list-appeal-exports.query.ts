import type { Caller } from '@gridline/auth';
import type { ExportAuditQuery } from '@gridline/platform';

/** A page of the audited exports of appeal lists. */
export class ListAppealExportsQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: ExportAuditQuery,
  ) {}
}
