import { AppError } from '@gridline/platform';
import { PartyErrorCode } from '@gridline/contracts-party-building';

/** 404 for a committee (or one of its member units, meetings, resolutions, tasks) that does not exist or is outside the caller's scope. */
export function committeeNotFound(what: 'committee' | 'member unit' | 'resolution' | 'task', id: string): AppError {
  return new AppError(PartyErrorCode.CommitteeNotFound, 'not_found', `The ${what} ${id} does not exist in your scope`, { what, id });
}

/** 422: a step the committee's state refuses (the field and why). */
export function committeeRule(field: string, reason: string): AppError {
  return new AppError(PartyErrorCode.CommitteeRule, 'rule_violation', `${field} ${reason}`, { field, reason });
}

/**
 * 409: the exclusive grid already has an active committee. It is named only to a caller who may see it (`existingId`
 * null otherwise).
 */
export function gridHasCommittee(gridCode: string, existingId: string | null): AppError {
  return new AppError(PartyErrorCode.Conflict, 'conflict', `Exclusive grid ${gridCode} already has an active work committee`, { gridCode, existingId });
}

/** 409: a unit with this credit code is already a member of the committee (named: the caller sees the committee). */
export function memberUnitTaken(uscc: string, existingId: string): AppError {
  return new AppError(PartyErrorCode.Conflict, 'conflict', 'A member unit with this unified social credit code is already in the committee', { field: 'uscc', existingId, uscc });
}
