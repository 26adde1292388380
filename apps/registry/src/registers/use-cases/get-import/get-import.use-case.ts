import { Injectable } from '@nestjs/common';
import type { ImportReport } from '@gridline/contracts-registry';
import { ImportRepository } from '../../imports/import.repository';
import { importOfCaller, toReport } from '../../imports/import-report';
import type { GetImportQuery } from './get-import.query';

/** The report of an import so far (polled while uploading). */
@Injectable()
export class GetImportUseCase {
  constructor(private readonly imports: ImportRepository) {}

  async execute({ caller, jobId }: GetImportQuery): Promise<ImportReport> {
    return toReport(await importOfCaller(this.imports, caller, jobId));
  }
}
