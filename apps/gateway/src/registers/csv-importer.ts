import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse';
import { pipeline, type Readable } from 'node:stream';
import type { Caller } from '@gridline/auth';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { RegistryRegistersClient, headerProblem, type ImportKind, type ImportRejection, type ImportReport } from '@gridline/contracts-registry';

/** Rows per bus request: large enough to amortise the hop, small enough for one NATS message. */
export const IMPORT_BATCH_ROWS = 500;

function fileProblem(reason: string, jobId?: string): AppError {
  return new AppError(CommonErrorCode.ValidationFailed, 'validation', `The file cannot be imported: ${reason}`, {
    fields: [{ field: 'file', reasons: [reason] }],
    ...(jobId ? { jobId } : {}),
  });
}

/**
 * Streams a CSV upload into the registry in batches: memory stays flat whatever the file's size, and
 * each batch waits for the previous one (back-pressure on the upload). The Idempotency-Key of the upload
 * goes with the start: a retry of the same file gets the first import's report and imports nothing.
 */
@Injectable()
export class CsvImporter {
  constructor(private readonly registers: RegistryRegistersClient) {}

  async import(caller: Caller, kind: ImportKind, body: Readable, importId?: string): Promise<ImportReport> {
    let header: string[] | undefined;
    const parser = parse({
      bom: true,
      skip_empty_lines: true,
      trim: true,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim().toLowerCase());
        const problem = headerProblem(kind, header);
        if (problem) throw fileProblem(problem);
        return header;
      },
    });
    // pipeline, not pipe: a dropped upload destroys the parser, which ends the loop below with the error.
    pipeline(body, parser, () => undefined);
    let jobId: string | undefined;
    let batch: Record<string, string>[] = [];
    let firstRow = 2;
    const rejections: ImportRejection[] = [];
    const send = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      const result = await this.registers.importBatch(caller, jobId!, firstRow, rows);
      rejections.push(...result.rejections);
      firstRow += rows.length;
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
        batch.push(record);
        if (batch.length < IMPORT_BATCH_ROWS) continue;
        if (!jobId) jobId = await start();
        if (replayed) break;
        await send();
      }
      if (!header) throw fileProblem('it is empty: a header row is required');
      if (!jobId) jobId = await start();
      if (replayed) return { ...(await this.registers.getImport(caller, jobId)), replayed: true };
      await send();
    } catch (error) {
      if (jobId && !replayed) await this.registers.finishImport(caller, jobId).catch(() => undefined);
      if (error instanceof AppError) throw error;
      // csv-parse reports the line of a malformed file; its message never contains the row's values.
      const line = (error as { lines?: number }).lines;
      throw fileProblem(`${line ? `line ${line}: ` : ''}${(error as Error).message.replace(/:.*$/s, '')}`, jobId);
    }
    return this.registers.finishImport(caller, jobId);
  }
}
