import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, type ImportReport } from '@gridline/contracts-registry';
import { ImportRepository } from '../../imports/import.repository';
import { importOfCaller, toReport } from '../../imports/import-report';
import type { FinishImportCommand } from './finish-import.command';

/** Completes an import and announces its counts; finishing a completed one answers its report again. */
@Injectable()
export class FinishImportUseCase {
  constructor(
    private readonly imports: ImportRepository,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, jobId }: FinishImportCommand): Promise<ImportReport> {
    const job = await importOfCaller(this.imports, caller, jobId);
    if (job.status !== 'running') return toReport(job);
    return this.transactions.run(async () => {
      const current = await this.imports.getJob(jobId);
      current.status = 'completed';
      current.finishedAt = new Date();
      this.outbox.record(REGISTRY_EVENTS.importCompleted, jobId, {
        jobId,
        kind: current.kind,
        rowsTotal: current.rowsTotal,
        created: current.createdCount,
        updated: current.updatedCount,
        unchanged: current.unchangedCount,
        rejected: current.rejectedCount,
      });
      await this.imports.flush();
      return toReport(current);
    });
  }
}
