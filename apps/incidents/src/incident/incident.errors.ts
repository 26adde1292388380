import { AppError, fieldChecks } from '@gridline/platform';
import { IncidentErrorCode, type IncidentAction, type IncidentStatus } from '@gridline/contracts-incidents';

export function incidentNotFound(id: string): AppError {
  return new AppError(IncidentErrorCode.NotFound, 'not_found', `Case ${id} does not exist in your scope`, { id });
}

/** A field's rule broken (400 naming the field), and a field a step requires (`need`). */
export const { invalid: incidentInvalid, need } = fieldChecks(IncidentErrorCode.Invalid);

export function notAllowedInState(action: IncidentAction, status: IncidentStatus, allowed: IncidentAction[]): AppError {
  return new AppError(IncidentErrorCode.NotAllowedInState, 'conflict', `A case that is ${status} cannot be ${action === 'request_extension' ? 'extended' : `given "${action}"`} now`, {
    status,
    allowedActions: allowed,
  });
}

export function staleVersion(id: string, current: number): AppError {
  return new AppError(IncidentErrorCode.StaleVersion, 'conflict', `Case ${id} changed meanwhile: reload it and try again`, { id, version: current });
}
