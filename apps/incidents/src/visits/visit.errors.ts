import { AppError } from '@gridline/platform';
import { VisitErrorCode } from '@gridline/contracts-incidents';

export function visitNotFound(id: string): AppError {
  return new AppError(VisitErrorCode.NotFound, 'not_found', `Visit ${id} does not exist in your scope`, { id });
}

/** 409: the visit has its case. The case is named only to a caller who may see it (`incidentId` null otherwise). */
export function visitCaseAlreadyOpened(id: string, incidentId: string | null): AppError {
  return incidentId
    ? new AppError(VisitErrorCode.CaseAlreadyOpened, 'conflict', `Visit ${id} already opened case ${incidentId}`, { id, incidentId })
    : new AppError(VisitErrorCode.CaseAlreadyOpened, 'conflict', `Visit ${id} already opened a case outside your scope`, { id, incidentId: null });
}
