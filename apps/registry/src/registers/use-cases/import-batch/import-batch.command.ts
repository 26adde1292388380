import type { Caller } from '@gridline/auth';

export class ImportBatchCommand {
  constructor(
    readonly caller: Caller,
    readonly jobId: string,
    /** The file's row number of the batch's first row (the header is row 1): rejections name rows by it. */
    readonly firstRow: number,
    readonly rows: Record<string, string>[],
  ) {}
}
