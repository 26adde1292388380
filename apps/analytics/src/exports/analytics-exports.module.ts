import { Module } from '@nestjs/common';
import { ExportAuditRepository } from '@gridline/persistence';
import { AnalyticsExportsBusController } from './analytics-exports.bus-controller';
import { ListAnalyticsExportsUseCase } from './use-cases/list-analytics-exports/list-analytics-exports.use-case';
import { RecordAnalyticsExportUseCase } from './use-cases/record-analytics-export/record-analytics-export.use-case';

/** The audit of figure-table exports and monthly reports (`analytics.export.record`, `analytics.export.list`): the shared export_audit. */
@Module({
  controllers: [AnalyticsExportsBusController],
  providers: [ExportAuditRepository, RecordAnalyticsExportUseCase, ListAnalyticsExportsUseCase],
  exports: [ExportAuditRepository],
})
export class AnalyticsExportsModule {}
