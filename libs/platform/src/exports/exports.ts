import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AppError } from '../errors/app-error';
import { IsOneOf } from '../validation/is-one-of';
import { PageQuery } from '../paging/page-query';

/** The files a list export writes. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats an audited export is kept with: the list files, and a report's JSON, XLSX or HTML. */
export type AuditedExportFormat = ExportFormat | 'json' | 'html';

/** The most rows one export may hold, whatever a gateway is configured with. */
export const EXPORT_ROWS_CEILING = 1_000_000;

export const ExportErrorCode = {
  /** More rows match than an export may hold (`rule_violation`, 422): narrow the filters. */
  TooManyRows: 'EXPORT_TOO_MANY_ROWS',
} as const;

/** `format` of every export route (400 naming `format` for anything but csv or xlsx). */
export class ExportFormatQuery {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsOneOf(EXPORT_FORMATS, { message: 'format must be csv or xlsx' })
  format!: ExportFormat;
}

/**
 * What a service is asked before a list is exported: the list's own filters (`Base`), the format and the most rows the
 * gateway will write. The service counts the rows in the caller's scope, refuses more than `maxRows`, and records the
 * export (who, when, which list, the filters, the count) before any row is read.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ExportRequestOf<T extends abstract new (...args: any[]) => object>(Base: T) {
  abstract class ExportRequest extends Base {
    @IsOneOf(EXPORT_FORMATS, { message: 'format must be csv or xlsx' })
    format!: ExportFormat;

    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(EXPORT_ROWS_CEILING)
    maxRows!: number;
  }
  return ExportRequest;
}

/** The service's answer: the audit entry's id and the rows the export holds. */
export interface ExportRecorded {
  id: string;
  rows: number;
}

/** Query of the admins' list of exports (newest first). */
export class ExportAuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The actor (token subject)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;
}

/** One export: who, when, which list, in which format, with which filters (personal values never kept), how many rows. */
export interface ExportAuditEntryView {
  id: string;
  at: string;
  actor: string;
  actorRoles: string[];
  list: string;
  format: AuditedExportFormat;
  filters: Record<string, unknown>;
  rows: number;
  correlationId: string | null;
}

/** The filters of an export as the audit keeps them: the list's own, without paging, and `masked` for personal values. */
export function auditedFilters(filters: object, personal: readonly string[] = []): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || ['format', 'maxRows', 'cursor', 'limit', 'page', 'pageSize', 'after'].includes(key)) continue;
    kept[key] = personal.includes(key) ? 'masked' : value;
  }
  return kept;
}

/** 422: more rows match than an export holds; the message names the filters to narrow. */
export function exportTooLarge(list: string, rows: number, maxRows: number, filters: Record<string, unknown>): AppError {
  const named = Object.keys(filters);
  const hint = named.length ? `narrow the filters (${named.join(', ')}) or add others` : 'add filters (e.g. from, to, status)';
  return new AppError(ExportErrorCode.TooManyRows, 'rule_violation', `${rows} ${list} match, more than the ${maxRows} an export holds: ${hint}`, { rows, maxRows, filters });
}
