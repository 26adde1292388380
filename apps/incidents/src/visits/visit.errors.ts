import { AppError } from '@gridline/platform';
import { VisitErrorCode } from '@gridline/contracts-incidents';

export function visitNotFound(id: string): AppError {
  return new AppError(VisitErrorCode.NotFound, 'not_found', `Visit ${id} does not exist in your scope`, { id });
}

export function visitCaseAlreadyOpened(id: string, incidentId: string): AppError {
  return new AppError(VisitErrorCode.CaseAlreadyOpened, 'conflict', `Visit ${id} already opened case ${incidentId}`, { id, incidentId });
}
