import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse';
import { Transform, finished, type Readable } from 'node:stream';
import type { Caller } from '@gridline/auth';
import { AppError, CommonErrorCode, unsafeStringProblem } from '@gridline/platform';
import { RegistryRegistersClient, headerProblem, type ImportKind, type ImportReport } from '@gridline/contracts-registry';

/** Rows per bus request: large enough to amortise the hop, small enough for one NATS message. */
export const IMPORT_BATCH_ROWS = 500;

/** The limits of one upload (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_RECORD_SIZE). */
export const IMPORT_LIMITS = Symbol('IMPORT_LIMITS');
export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
  maxRecordSize: number;
}

function fileProblem(reason: string, jobId?: string): AppError {
  return new AppError(CommonErrorCode.ValidationFailed, 'validation', `The file cannot be imported: ${reason}`, {
    fields: [{ field: 'file', reasons: [reason] }],
    ...(jobId ? { jobId } : {}),
  });
}

function tooLarge(reason: string, limit: Record<string, number>, jobId?: string): AppError {
  const stored = jobId ? ` The rows before it were imported (import ${jobId}): split the file and import each part (rows already imported stay unchanged).` : '';
  return new AppError(CommonErrorCode.PayloadTooLarge, 'too_large', `The file cannot be imported: ${reason}.${stored}`, { ...limit, ...(jobId ? { jobId } : {}) });
}

/** Counts an upload's bytes as they pass, and stops it once there are more than allowed. */
class ByteLimit extends Transform {
  private seen = 0;
  exceeded = false;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: string, done: (error?: Error | null, data?: Buffer) => void): void {
    this.seen += chunk.length;
    if (this.seen > this.max) {
      this.exceeded = true;
      done(new Error('upload over the size limit'));
    } else {
      done(null, chunk);
    }
  }
}

/**
 * Streams a CSV upload into the registry in batches: memory stays flat whatever the file's size, and
 * each batch waits for the previous one (back-pressure on the upload). The Idempotency-Key of the upload
 * goes with the start: a retry of the same file gets the first import's report and imports nothing.
 */
@Injectable()
export class CsvImporter {
  constructor(
    private readonly registers: RegistryRegistersClient,
    @Inject(IMPORT_LIMITS) private readonly limits: ImportLimits,
  ) {}

  /**
   * Imports an upload within the limits: a declared length over IMPORT_MAX_BYTES is refused before anything is read
   * (413); a stream that grows past it, or past IMPORT_MAX_ROWS data rows, stops there (413, naming the import of the
   * rows before); a record longer than IMPORT_MAX_RECORD_SIZE refuses the file at its line (400).
   */
  async import(caller: Caller, kind: ImportKind, body: Readable, importId?: string, declaredBytes?: number): Promise<ImportReport> {
    const { maxBytes, maxRows, maxRecordSize } = this.limits;
    if (declaredBytes !== undefined && declaredBytes > maxBytes) {
      body.resume(); // drain, so that the connection can carry the answer
      throw tooLarge(`it is larger than ${maxBytes} bytes`, { maxBytes });
    }
    let header: string[] | undefined;
    const bytes = new ByteLimit(maxBytes);
    const parser = parse({
      bom: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: maxRecordSize,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim().toLowerCase());
        const problem = headerProblem(kind, header);
        if (problem) throw fileProblem(problem);
        return header;
      },
    });
    // A dropped upload (closed before its end) or the size limit destroys the parser, which ends the loop below with
    // the error. The upload itself is never destroyed (that would close the connection before the answer): on a
    // refusal the rest of it is drained.
    body.pipe(bytes).pipe(parser);
    finished(body, (error) => error && parser.destroy(error));
    bytes.once('error', (error) => parser.destroy(error));
    const drain = () => {
      body.unpipe(bytes);
      body.resume();
    };
    let jobId: string | undefined;
    let batch: Record<string, string>[] = [];
    let firstRow = 2;
    let rows = 0;
    // The registry keeps the report (the first rejected rows and the counts): the gateway holds one batch at a time.
    const send = async () => {
      if (batch.length === 0) return;
      const sent = batch;
      batch = [];
      await this.registers.importBatch(caller, jobId!, firstRow, sent);
      firstRow += sent.length;
    };
    // The job starts once the first batch is read, with a fingerprint of the header and that batch: a start retried
    // with its Idempotency-Key answers the earlier import (whose rows are then not sent again), another file is 422.
    let replayed = false;
    const start = async () => {
      const fingerprint = createHash('sha256').update(JSON.stringify([header, batch])).digest('hex');
      const started = await this.registers.startImport(caller, kind, importId, fingerprint);
      replayed = started.replayed === true;
      return started.id;
    };
    try {
      for await (const record of parser as AsyncIterable<Record<string, string>>) {
        if (++rows > maxRows) {
          if (!jobId) jobId = await start();
          if (!replayed) await send();
          throw tooLarge(`it has more than ${maxRows} rows`, { maxRows }, jobId);
        }
        // A cell no database can store (NUL, a lone surrogate) makes the file malformed from that row on, as an
        // unclosed quote does: the rows before it are stored, the problem names the job.
        const unsafe = Object.entries(record).map(([field, value]) => ({ field, problem: unsafeStringProblem(value) })).find((c) => c.problem);
        if (unsafe) {
          if (!jobId) jobId = await start();
          if (!replayed) await send();
          throw fileProblem(`row ${firstRow + batch.length}: ${unsafe.field} ${unsafe.problem}`, jobId);
        }
        batch.push(record);
        if (batch.length < IMPORT_BATCH_ROWS) continue;
        if (!jobId) jobId = await start();
        if (replayed) break;
        await send();
      }
      if (!header) throw fileProblem('it is empty: a header row is required');
      if (!jobId) jobId = await start();
      if (replayed) {
        drain();
        return { ...(await this.registers.getImport(caller, jobId)), replayed: true };
      }
      await send();
    } catch (error) {
      drain();
      if (jobId && !replayed) await this.registers.finishImport(caller, jobId).catch(() => undefined);
      if (error instanceof AppError) throw error;
      if (bytes.exceeded) throw tooLarge(`it is larger than ${maxBytes} bytes`, { maxBytes }, jobId);
      const line = (error as { lines?: number }).lines;
      if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
        throw fileProblem(`line ${line}: a record is longer than ${maxRecordSize} characters`, jobId);
      }
      // csv-parse reports the line of a malformed file; its message never contains the row's values.
      throw fileProblem(`${line ? `line ${line}: ` : ''}${(error as Error).message.replace(/:.*$/s, '')}`, jobId);
    }
    return this.registers.finishImport(caller, jobId);
  }
}
