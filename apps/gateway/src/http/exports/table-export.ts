import { once } from 'node:events';
import { PassThrough, Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
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
export async function* csvChunks<T>(rows: AsyncIterable<T> | Iterable<T>, columns: readonly ExportColumn<T>[]): AsyncGenerator<string> {
  yield UTF8_BOM + csvRecord(columns.map((c) => c.header));
  for await (const row of rows) yield csvRecord(columns.map((c) => c.value(row)));
}

/** A text chunk exceljs writes into a zip entry: a string, a Buffer, or its own StringBuf (reused after the write). */
type XlsxChunk = string | Buffer | { toBuffer(): Buffer };

/**
 * A zip entry's stream with backpressure. exceljs' own entry stream (StreamBuf) passes every chunk on to the zip
 * without looking at the answer of write(), so rows pile up in memory as fast as they come while the zip compresses;
 * a real stream instead fills to its high-water mark, the zip reads it as it compresses, and `needDrain` tells the
 * writer to wait. Each chunk is copied on write (exceljs reuses its StringBuf for the next row).
 */
class XlsxEntryStream extends Transform {
  constructor() {
    super({ writableHighWaterMark: 64 * 1024, readableHighWaterMark: 64 * 1024 });
    // exceljs waits for 'zipped' before it finishes the workbook.
    this.on('finish', () => this.emit('zipped'));
  }

  override write(chunk: XlsxChunk, encoding?: BufferEncoding | ((error: Error | null | undefined) => void), callback?: (error: Error | null | undefined) => void): boolean {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.toBuffer());
    return typeof encoding === 'function' ? super.write(bytes, encoding) : super.write(bytes, callback);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk);
  }
}

/** exceljs' streaming workbook whose entries (the sheets) are XlsxEntryStreams: `drained()` waits while any is full. */
class BackpressuredWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  private readonly entries: XlsxEntryStream[] = [];

  // Replaces WorkbookWriter._openStream (exceljs 4.4.0, not in its typings): each zip entry's stream.
  _openStream(path: string): XlsxEntryStream {
    const stream = new XlsxEntryStream();
    (this as unknown as { zip: { append(source: Readable, data: { name: string }): void } }).zip.append(stream, { name: path });
    this.entries.push(stream);
    return stream;
  }

  /** Resolves once no entry stream is over its high-water mark, or `out` closed (the client left). */
  async drained(out: Writable): Promise<void> {
    for (;;) {
      const full = this.entries.find((e) => e.writableNeedDrain);
      if (!full || out.destroyed) return;
      await drainOrClose(full, out);
    }
  }
}

/** Waits for `stream`'s 'drain' or `out`'s 'close', whichever comes first, leaving no listener behind. */
async function drainOrClose(stream: Writable, out: Writable): Promise<void> {
  const done = new AbortController();
  try {
    await Promise.race([once(stream, 'drain', { signal: done.signal }), once(out, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
}

/** One sheet of a workbook: its name (at most 31 characters), columns and rows. */
export interface XlsxSheet<T> {
  name: string;
  columns: readonly ExportColumn<T>[];
  rows: AsyncIterable<T> | Iterable<T>;
}

/**
 * Writes sheets into an XLSX workbook on `out`, row by row: each row committed as it is added (no shared strings,
 * no styles), and the next row pulled from `rows` only once the zip has taken the rows before — while the reply is
 * not read, the zip does not read the sheet and the writer waits (the next page is not asked for). Memory holds a
 * page and the streams' buffers, whatever the rows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
export async function writeXlsxSheets(out: Writable, sheets: readonly XlsxSheet<any>[]): Promise<void> {
  const workbook = new BackpressuredWorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  for (const { name, columns, rows } of sheets) {
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    sheet.columns = columns.map((c, i) => ({ key: String(i), width: c.width ?? 16 }));
    sheet.addRow(columns.map((c) => c.header)).commit();
    for await (const row of rows) {
      // A text cell is a string cell in XLSX (never a formula), so it is written as it is.
      sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit();
      await workbook.drained(out);
      // The client went away: stop reading pages (leaving the loop closes the rows' iterator).
      if (out.destroyed) return;
    }
    sheet.commit();
  }
  await workbook.commit();
}

/** Writes rows into an XLSX workbook of one sheet on `out` (writeXlsxSheets). */
export function writeXlsx<T>(out: Writable, rows: AsyncIterable<T> | Iterable<T>, columns: readonly ExportColumn<T>[], sheetName: string): Promise<void> {
  return writeXlsxSheets(out, [{ name: sheetName, columns, rows }]);
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
export function exportTable<T>(format: ExportFormat, list: string, rows: AsyncIterable<T> | Iterable<T>, columns: readonly ExportColumn<T>[]): ExportFile {
  if (format === 'csv') return { contentType: CONTENT_TYPES.csv, filename: exportFilename(list, format), stream: Readable.from(csvChunks(rows, columns)) };
  return exportWorkbook(list, [{ name: list, columns, rows }]);
}

/** A workbook of several sheets written as an XLSX file (`writeXlsxSheets`), named `<list>-<China day>.xlsx`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
export function exportWorkbook(list: string, sheets: readonly XlsxSheet<any>[], filename = exportFilename(list, 'xlsx')): ExportFile {
  const out = new PassThrough();
  writeXlsxSheets(out, sheets).then(
    () => {
      if (!out.writableEnded) out.end();
    },
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return { contentType: CONTENT_TYPES.xlsx, filename, stream: out };
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
