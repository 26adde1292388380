import type { Caller } from '@gridline/auth';
import type { ExportAuditQuery } from '@gridline/platform';

/** A page of the audited exports of figure tables and monthly reports. */
export class ListAnalyticsExportsQuery {
  constructor(
    readonly caller: Caller,
    readonly filter: ExportAuditQuery,
  ) {}
}
