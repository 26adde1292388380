import { AppError } from '@gridline/platform';
import { PartyErrorCode } from '@gridline/contracts-party-building';

/** 404 for an activity that does not exist or is outside the caller's scope (never told apart). */
export function activityNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.ActivityNotFound, 'not_found', `Activity ${id} does not exist in your scope`, { id });
}

/** 409 for a step the activity's state or time does not allow now. */
export function activityClosed(id: string, reason: string): AppError {
  return new AppError(PartyErrorCode.ActivityClosed, 'conflict', `Activity ${id}: ${reason}`, { id, reason });
}

/** 409: every seat is taken. */
export function activityFull(id: string, capacity: number): AppError {
  return new AppError(PartyErrorCode.ActivityFull, 'conflict', `Activity ${id} is full (${capacity} seats)`, { id, capacity });
}

/** 403: the activity's audience does not include the member. */
export function notInAudience(id: string, audience: string): AppError {
  return new AppError(PartyErrorCode.NotInAudience, 'forbidden', `The member may not sign up for activity ${id} (open to: ${audience})`, { id, audience });
}

/** 422 on `code`: wrong, expired or replaced (`reason` says which). */
export function codeRefused(reason: 'wrong' | 'expired' | 'replaced' | 'not_open'): AppError {
  const message = {
    wrong: 'code is not the code shown at the activity',
    expired: 'code has expired: ask for the new code',
    replaced: 'code was replaced by a newer one: use the code shown now',
    not_open: 'code cannot be checked: check-in is not open for this activity',
  }[reason];
  return new AppError(PartyErrorCode.CheckInCodeRefused, 'rule_violation', message, { field: 'code', reason, fields: [{ field: 'code', reasons: [message.slice('code '.length)] }] });
}

/** 409: the member has checked in already (nothing new). */
export function alreadyCheckedIn(id: string, attendedAt: Date): AppError {
  return new AppError(PartyErrorCode.AlreadyCheckedIn, 'conflict', `You already checked in to activity ${id}`, { id, attendedAt: attendedAt.toISOString() });
}

/** 429: too many wrong codes for this activity's current code. */
export function checkInLocked(id: string): AppError {
  return new AppError(PartyErrorCode.CheckInLocked, 'rate_limited', `Too many wrong codes for activity ${id}: ask the organiser to open a new code`, { id, field: 'code' });
}

/** 404: the member has no sign-up to the activity. */
export function signUpNotFound(id: string, memberId: string): AppError {
  return new AppError(PartyErrorCode.SignUpNotFound, 'not_found', `The member is not signed up for activity ${id}`, { id, memberId });
}

/** 404: the activity has no report yet. */
export function reportNotFound(id: string): AppError {
  return new AppError(PartyErrorCode.ActivityNotFound, 'not_found', `Activity ${id} has no report yet`, { id });
}
