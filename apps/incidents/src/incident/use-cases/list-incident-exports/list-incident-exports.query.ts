import type { Caller } from '@gridline/auth';
import type { ExportAuditQuery } from '@gridline/platform';

/** A page of the audited exports of case lists. */
export class ListIncidentExportsQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: ExportAuditQuery,
  ) {}
}
