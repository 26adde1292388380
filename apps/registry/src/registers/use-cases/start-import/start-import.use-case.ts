import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { requireRegisterAccess } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { IMPORT_REGISTER, RegistryErrorCode, type ImportReport } from '@gridline/contracts-registry';
import { ImportRepository } from '../../imports/import.repository';
import { toReport } from '../../imports/import-report';
import type { StartImportCommand } from './start-import.command';

/** Opens an import of one kind of record for the caller; its batches follow (see ImportBatchUseCase). */
@Injectable()
export class StartImportUseCase {
  constructor(
    private readonly imports: ImportRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, kind, jobId = randomUUID() }: StartImportCommand): Promise<ImportReport> {
    requireRegisterAccess(caller, IMPORT_REGISTER[kind], 'import');
    return this.transactions.run(async () => {
      if (await this.imports.findJob(jobId)) {
        throw new AppError(RegistryErrorCode.RegisterInvalid, 'conflict', `Import ${jobId} exists already: choose a new id`, { jobId });
      }
      const job = this.imports.addJob({ id: jobId, kind, actor: caller.sub });
      await this.imports.flush();
      return toReport(job);
    });
  }
}
