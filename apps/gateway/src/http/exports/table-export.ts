import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CursorPage, ExportFormat } from '@gridline/platform';
import { chinaDay } from '@gridline/platform';

/** A cell as an export writes it: text, a number, a yes/no, or empty. */
export type ExportCell = string | number | boolean | null | undefined;

/** One column of an exported table: its header and how a row gives its cell. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => ExportCell;
  /** The column's width in an XLSX sheet, in characters (default 16). */
  width?: number;
}

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (Chinese text included). */
export const UTF8_BOM = '\uFEFF';

/** A text cell a spreadsheet would read as a formula: starts with = + - @ (or a tab or carriage return, OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert for a spreadsheet: a leading `'` when it would start a formula. Numbers stay numbers. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, quotes doubled; formulas guarded. */
export function csvField(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? guardFormula(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function csvRecord(cells: readonly ExportCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Rows as CSV text chunks: the BOM and the header first, then one record per row (pulled as the reader reads). */
export async function* csvChunks<T>(rows: AsyncIterable<T>, columns: readonly ExportColumn<T>[]): AsyncGenerator<string> {
  yield UTF8_BOM + csvRecord(columns.map((c) => c.header));
  for await (const row of rows) yield csvRecord(columns.map((c) => c.value(row)));
}

/** Rows between two turns of the event loop while an XLSX sheet is written. */
const XLSX_YIELD_ROWS = 100;

/** Writes rows into an XLSX workbook of one sheet on `out`, row by row, waiting whenever `out` is full. */
export async function writeXlsx<T>(out: Writable, rows: AsyncIterable<T>, columns: readonly ExportColumn<T>[], sheetName: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c, i) => ({ key: String(i), width: c.width ?? 16 }));
  sheet.addRow(columns.map((c) => c.header)).commit();
  let written = 0;
  for await (const row of rows) {
    // A text cell is a string cell in XLSX (never a formula), so it is written as it is.
    sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit();
    // exceljs hands the sheet's bytes on without backpressure: let the zip compress and pass them on now and then
    // (rows read from memory would otherwise pile up before a byte leaves), and wait whenever the reply is full.
    if (++written % XLSX_YIELD_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    // The client went away: stop reading pages (leaving the loop closes the rows' iterator).
    if (out.destroyed) return;
  }
  sheet.commit();
  await workbook.commit();
}

/** What an export answers: the stream of the file and how to name and type it. */
export interface ExportFile {
  stream: Readable;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `<list>-<China day>.<format>`, e.g. `incidents-2026-12-01.xlsx`. */
export function exportFilename(list: string, format: ExportFormat, at: Date = new Date()): string {
  return `${list}-${chinaDay(at)}.${format}`;
}

/**
 * A table written as a CSV or XLSX file while its rows arrive: nothing but the current page is held. `list` names the
 * file and the sheet. An error while rows are read ends the stream with it (the client sees a cut-off download).
 */
export function exportTable<T>(format: ExportFormat, list: string, rows: AsyncIterable<T>, columns: readonly ExportColumn<T>[]): ExportFile {
  const file = { contentType: CONTENT_TYPES[format], filename: exportFilename(list, format) };
  if (format === 'csv') return { ...file, stream: Readable.from(csvChunks(rows, columns)) };
  const out = new PassThrough();
  writeXlsx(out, rows, columns, list).then(
    () => {
      if (!out.writableEnded) out.end();
    },
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return { ...file, stream: out };
}

/** The rows of a cursor-paged list, page after page (`next` asked with the previous page's cursor), at most `max`. */
export async function* cursorRows<T>(next: (cursor: string | undefined) => Promise<CursorPage<T>>, max = Number.POSITIVE_INFINITY): AsyncGenerator<T> {
  let cursor: string | undefined;
  let given = 0;
  for (;;) {
    const page = await next(cursor);
    for (const row of page.items) {
      if (given >= max) return;
      given++;
      yield row;
    }
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}
