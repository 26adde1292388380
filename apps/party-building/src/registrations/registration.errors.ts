import { AppError } from '@gridline/platform';
import { PartyErrorCode, type RegistrationState } from '@gridline/contracts-party-building';

/** 404 for a registration that does not exist or is outside the caller's scope (never told apart). */
export function registrationNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.RegistrationNotFound, 'not_found', `Registration ${id} does not exist in your scope`, { id });
}

/** 422: the step is not allowed in the registration's state. */
export function registrationInState(id: string, step: string, state: RegistrationState): AppError {
  return new AppError(PartyErrorCode.RegistrationState, 'rule_violation', `Registration ${id} cannot be ${step} while ${state}`, { id, step, state });
}

/** 409: the member already has a current registration; named only to a caller who may see it (`existingId` null otherwise). */
export function registrationCurrent(memberId: string, existingId: string | null): AppError {
  return new AppError(PartyErrorCode.Conflict, 'conflict', `Member ${memberId} already has a current registration`, { memberId, existingId });
}

