import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BoundedRead } from '@gridline/persistence';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ExportAuditQuery } from '@gridline/platform';
import { ANALYTICS_REQUESTS, RecordAnalyticsExportRequest } from '@gridline/contracts-analytics';
import { ListAnalyticsExportsQuery } from './use-cases/list-analytics-exports/list-analytics-exports.query';
import { ListAnalyticsExportsUseCase } from './use-cases/list-analytics-exports/list-analytics-exports.use-case';
import { RecordAnalyticsExportCommand } from './use-cases/record-analytics-export/record-analytics-export.command';
import { RecordAnalyticsExportUseCase } from './use-cases/record-analytics-export/record-analytics-export.use-case';

@BoundedRead()
@Controller()
export class AnalyticsExportsBusController {
  constructor(
    private readonly recordExport: RecordAnalyticsExportUseCase,
    private readonly listExports: ListAnalyticsExportsUseCase,
  ) {}

  @MessagePattern(ANALYTICS_REQUESTS.recordExport.pattern)
  record(@Payload() request: RecordAnalyticsExportRequest, @BusCaller() caller: Caller) {
    return this.recordExport.execute(new RecordAnalyticsExportCommand(caller, request));
  }

  @MessagePattern(ANALYTICS_REQUESTS.exportAudit.pattern)
  exports(@Payload() query: ExportAuditQuery, @BusCaller() caller: Caller) {
    return this.listExports.execute(new ListAnalyticsExportsQuery(caller, query));
  }
}
