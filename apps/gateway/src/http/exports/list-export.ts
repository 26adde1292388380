import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequestContext, type CursorPage } from '@gridline/platform';
import type { ExportFile } from './table-export';

/** How many rows one export may hold (EXPORT_MAX_ROWS): more matching rows are refused with 422 before anything is written. */
export const EXPORT_LIMITS = Symbol('EXPORT_LIMITS');
export interface ExportLimits {
  maxRows: number;
}

/** The media types an export route answers (for its OpenAPI entry). */
export const EXPORT_MEDIA_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

/**
 * A list's page reader that keeps the request's correlation id: the rows are read while the reply streams, after the
 * route's handler returned, and each page request should still carry the export's id.
 */
export function inRequestContext<A, T>(read: (arg: A) => Promise<CursorPage<T>>): (arg: A) => Promise<CursorPage<T>> {
  const store = RequestContext.current();
  return store ? (arg) => RequestContext.run(store, () => read(arg)) : read;
}

/** The export as the route's answer: an attachment named after the list and the day, streamed as it is written. */
export function sendExport(reply: FastifyReply, file: ExportFile): StreamableFile {
  void reply.header('Content-Disposition', `attachment; filename="${file.filename}"`).header('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(file.stream, { type: file.contentType });
}

/**
 * The OpenAPI entry of a list's export route: the file types, the attachment's name, the 422 beyond EXPORT_MAX_ROWS.
 * `list` names the file (`incidents`, `appeals`), `listRoute` the list whose filters, scope and fields it shares.
 */
export function ApiListExport(list: string, listRoute: string, what: string, extra = ''): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: `The ${what} list as a CSV or XLSX file: the same filters, order, scope and fields as GET ${listRoute}, streamed; audited`,
      description:
        `Every ${what} you may list with these filters (no page: all of them), with the same fields and names beside codes. ${extra}` +
        `The export is recorded (who, when, the filters, the rows) by the service that owns the list before a row is written; admins read the record at GET ${listRoute}/exports. ` +
        "CSV is UTF-8 with a BOM (RFC 4180; text starting with = + - @, a tab or CR gets a leading `'`), XLSX one sheet (text cells, never formulas). " +
        `More matching rows than EXPORT_MAX_ROWS (gateway config, 100 000) is 422 EXPORT_TOO_MANY_ROWS naming the filters: narrow them.`,
    }),
    ApiProduces(...EXPORT_MEDIA_TYPES),
    ApiOkResponse({ description: `The file, \`Content-Disposition: attachment; filename="${list}-YYYY-MM-DD.csv|xlsx"\` (China day)`, schema: { type: 'string', format: 'binary' } }),
    ApiResponse({ status: 422, description: 'EXPORT_TOO_MANY_ROWS: more rows match than an export holds (`details`: rows, maxRows, filters)' }),
  );
}

/**
 * The OpenAPI entry of a figure table's export route (`GET /analytics/<table>/export`): the same query as the table's
 * JSON route plus `format`, the rows named by `rows`; audited by analytics before a byte is sent.
 */
export function ApiTableExport(table: string, route: string, rows: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: `The ${table} table (GET ${route}) as a CSV or XLSX file: the same filters, scope and roles; audited`,
      description:
        `The answer of GET ${route} with these filters, flattened into ${rows}, headers in Chinese and English (docs/analytics.md). ` +
        'The export is recorded by analytics (who, when, the table, the filters, the rows) before a byte is sent; admins read the record at GET /analytics/exports. ' +
        "CSV is UTF-8 with a BOM (text starting with = + - @, a tab or CR gets a leading `'`), XLSX one sheet. More rows than EXPORT_MAX_ROWS is 422 EXPORT_TOO_MANY_ROWS.",
    }),
    ApiProduces(...EXPORT_MEDIA_TYPES),
    ApiOkResponse({ description: `The file, \`Content-Disposition: attachment; filename="analytics-${table}-YYYY-MM-DD.csv|xlsx"\` (China day)`, schema: { type: 'string', format: 'binary' } }),
    ApiResponse({ status: 422, description: 'EXPORT_TOO_MANY_ROWS: more rows than an export holds' }),
  );
}
