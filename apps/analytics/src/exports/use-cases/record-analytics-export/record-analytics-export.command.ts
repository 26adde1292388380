import type { Caller } from '@gridline/auth';
import type { RecordAnalyticsExportRequest } from '@gridline/contracts-analytics';

export class RecordAnalyticsExportCommand {
  constructor(
    readonly caller: Caller,
    readonly request: RecordAnalyticsExportRequest,
  ) {}
}
