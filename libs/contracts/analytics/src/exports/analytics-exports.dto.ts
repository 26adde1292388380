import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, Max, Min } from 'class-validator';
import { EXPORT_FORMATS, EXPORT_ROWS_CEILING, ExportFormatQuery, IsOneOf, type ExportFormat } from '@gridline/platform';
import { FiguresQuery } from '../figures/figures.dto';
import { HotspotsQuery, TrendsQuery } from '../hotspots/hotspots.dto';
import { PartyFiguresQuery } from '../party-figures/party-figures.dto';
import { RankingsQuery } from '../rankings/rankings.dto';
import { WorkloadQuery } from '../workload/workload.dto';

/** The figure tables that can be exported as CSV or XLSX (`GET /api/v1/analytics/<table>/export`). */
export const ANALYTICS_EXPORT_TABLES = ['figures', 'hotspots', 'trends', 'party', 'collection', 'hotline', 'rankings', 'workload'] as const;
export type AnalyticsExportTable = (typeof ANALYTICS_EXPORT_TABLES)[number];

/**
 * `analytics.export.record`: before the gateway sends a figure table as a file, asked as the caller with the table,
 * its filters (the same query the table was asked with), the format and how many rows the file holds. Analytics checks
 * the caller reads that table, refuses more than `maxRows`, and records the export before a byte is sent.
 */
export class RecordAnalyticsExportRequest {
  @IsOneOf(ANALYTICS_EXPORT_TABLES, { message: `table must be one of ${ANALYTICS_EXPORT_TABLES.join(', ')}` })
  table!: AnalyticsExportTable;

  @IsOneOf(EXPORT_FORMATS, { message: 'format must be csv or xlsx' })
  format!: ExportFormat;

  @IsObject()
  filters!: Record<string, unknown>;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  rows!: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(EXPORT_ROWS_CEILING)
  maxRows!: number;
}

/** GET /api/v1/analytics/figures/export: the figures' own query and the format. */
export class ExportFiguresQuery extends IntersectionType(FiguresQuery, ExportFormatQuery) {}
/** GET /api/v1/analytics/hotspots/export. */
export class ExportHotspotsQuery extends IntersectionType(HotspotsQuery, ExportFormatQuery) {}
/** GET /api/v1/analytics/trends/export. */
export class ExportTrendsQuery extends IntersectionType(TrendsQuery, ExportFormatQuery) {}
/** GET /api/v1/analytics/party/export. */
export class ExportPartyFiguresQuery extends IntersectionType(PartyFiguresQuery, ExportFormatQuery) {}
/** GET /api/v1/analytics/rankings/export. */
export class ExportRankingsQuery extends IntersectionType(RankingsQuery, ExportFormatQuery) {}
/** GET /api/v1/analytics/workload/export. */
export class ExportWorkloadQuery extends IntersectionType(WorkloadQuery, ExportFormatQuery) {}
