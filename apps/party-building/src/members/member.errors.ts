import { AppError } from '@gridline/platform';
import { PartyErrorCode } from '@gridline/contracts-party-building';

/** 404 for a member who does not exist or is outside the caller's scope (never told apart). */
export function memberNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.MemberNotFound, 'not_found', `Member ${id} does not exist in your scope`, { id });
}

/** 404 for a caller whose account is linked to no member. */
export function ownMemberNotFound(): AppError {
  return new AppError(PartyErrorCode.MemberNotFound, 'not_found', 'Your account is linked to no party member', {});
}

/**
 * 409: another member already has this ID number (or account). The other member is named only to a caller who may
 * see them (`existingId` null and `outsideYourScope` otherwise).
 */
export function memberTaken(field: 'idNumber' | 'account', existing: { id: string }, visible: boolean): AppError {
  return visible
    ? new AppError(PartyErrorCode.Conflict, 'conflict', `A member with this ${field} is already registered`, { field, existingId: existing.id })
    : new AppError(PartyErrorCode.Conflict, 'conflict', `A member with this ${field} is already registered outside your scope`, { field, existingId: null, outsideYourScope: true });
}
