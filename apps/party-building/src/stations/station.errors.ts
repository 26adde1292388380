import { AppError, fieldInvalid } from '@gridline/platform';
import { PartyErrorCode, partyInvalid } from '@gridline/contracts-party-building';
import type { StationProblem } from './station-rules';

/** 404 for a station that does not exist or is outside the caller's scope (never told apart). */
export function stationNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.StationNotFound, 'not_found', `Station ${id} does not exist in your scope`, { id });
}

/** 404 for a service record that does not exist or is outside the caller's scope. */
export function serviceRecordNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.StationServiceNotFound, 'not_found', `Service record ${id} does not exist in your scope`, { id });
}

/** 404 naming `incidentId`: no such case, or not one in the caller's scope. */
export function linkedIncidentNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.IncidentNotFound, 'not_found', `incidentId ${id} is no case in your scope`, { id, fields: [{ field: 'incidentId', reasons: ['is no case in your scope'] }] });
}

/** 422: the rules refuse a field (`details.fields` names it). */
export function stationRefused(field: string, reason: string): AppError {
  return fieldInvalid(PartyErrorCode.StationRefused, field, reason, 'rule_violation');
}

/** The problem a rule found, as its 400 or 422. */
export function problemError(problem: StationProblem): AppError {
  return problem.kind === 'validation' ? partyInvalid(problem.field, problem.reason) : stationRefused(problem.field, problem.reason);
}
