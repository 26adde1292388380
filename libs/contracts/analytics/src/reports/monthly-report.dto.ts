import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsOneOf } from '@gridline/platform';
import { IsUnitCode } from '@gridline/contracts-registry';

/** The forms the monthly report is answered in: the JSON itself, an XLSX workbook (a sheet per section), a printable HTML page. */
export const MONTHLY_REPORT_FORMATS = ['json', 'xlsx', 'html'] as const;
export type MonthlyReportFormat = (typeof MONTHLY_REPORT_FORMATS)[number];

/** A calendar month, YYYY-MM (01–12). */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Query of GET /api/v1/analytics/reports/monthly (and `analytics.report.monthly`). */
export class MonthlyReportQuery {
  @ApiPropertyOptional({ example: '370502003', description: 'A street or community in your scope (default your first unit)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiProperty({ example: '2026-11', description: 'The month, YYYY-MM (China time)' })
  @Matches(MONTH_PATTERN, { message: 'month must be a month as YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ enum: MONTHLY_REPORT_FORMATS, description: 'json (default), xlsx (a sheet per section) or html (a printable page)' })
  @IsOptional()
  @IsOneOf(MONTHLY_REPORT_FORMATS, { message: 'format must be json, xlsx or html' })
  format?: MonthlyReportFormat;
}
