import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryErrorCode, type ImportReport } from '@gridline/contracts-registry';
import type { ImportJobEntity } from '../register.entities';
import type { ImportRepository } from './import.repository';

/** The caller's import (an admin may follow anyone's): any other answers like an unknown one. */
export async function importOfCaller(imports: ImportRepository, caller: Caller, jobId: string): Promise<ImportJobEntity> {
  const job = await imports.findJob(jobId);
  if (!job || (job.actor !== caller.sub && !caller.roles.includes('admin'))) {
    throw new AppError(RegistryErrorCode.ImportNotFound, 'not_found', `Import ${jobId} does not exist`, { jobId });
  }
  return job;
}

export function toReport(job: ImportJobEntity): ImportReport {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    rowsTotal: job.rowsTotal,
    created: job.createdCount,
    updated: job.updatedCount,
    unchanged: job.unchangedCount,
    rejected: job.rejectedCount,
    rejections: job.rejections,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}
