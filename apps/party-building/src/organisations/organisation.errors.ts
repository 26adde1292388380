import { AppError } from '@gridline/platform';
import { PartyErrorCode } from '@gridline/contracts-party-building';

/** 404 for an organisation that does not exist or is outside the caller's scope (never told apart). */
export function organisationNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.OrganisationNotFound, 'not_found', `Organisation ${id} does not exist in your scope`, { id });
}

/** 422 for a binding the map refuses: the field and why. */
export function unitRefused(field: string, reason: string): AppError {
  return new AppError(PartyErrorCode.UnitRefused, 'rule_violation', `${field} ${reason}`, { field, reason });
}

/**
 * 409: the unit already has its organisation of that kind. The other organisation is named only to a caller who may
 * see it (`existingId` null otherwise).
 */
export function unitTaken(unitCode: string, level: string, existingId: string | null): AppError {
  return new AppError(PartyErrorCode.Conflict, 'conflict', `Unit ${unitCode} already has an active ${level}`, { unitCode, level, existingId });
}

/** 404 for an officer's term that is not one of this organisation's. */
export function officerNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.OfficerNotFound, 'not_found', `Officer ${id} does not exist in this organisation`, { id });
}

/**
 * 409: the term clashes with a recorded one of the same organisation (which the caller keeps, so it may be named),
 * or it has already ended.
 */
export function officerConflict(reason: 'secretary_overlaps' | 'member_overlaps' | 'already_ended', message: string, officerId: string): AppError {
  return new AppError(PartyErrorCode.Conflict, 'conflict', message, { reason, officerId });
}
