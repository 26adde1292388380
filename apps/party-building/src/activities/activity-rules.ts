import { createHash, randomInt } from 'crypto';
import {
  CHECK_IN_ALPHABET,
  CHECK_IN_CODE_LENGTH,
  CHECK_IN_CODE_MINUTES,
  CHECK_IN_MARGIN_MINUTES,
  CHECK_IN_MAX_WRONG,
  type ActivityAudience,
  type ActivityStatus,
} from '@gridline/contracts-party-building';

const MINUTE = 60_000;

/** What the rules read of an activity. */
export interface ActivityTimes {
  status: ActivityStatus;
  startsAt: Date;
  endsAt: Date;
}

/** Why a member cannot sign up (or a keeper sign them up) now; null: they can. */
export function signUpProblem(activity: ActivityTimes, now: Date): string | null {
  if (activity.status === 'cancelled') return 'the activity is cancelled';
  if (now.getTime() >= activity.startsAt.getTime()) return 'the activity has started: sign-up is closed';
  return null;
}

/** Why a sign-up cannot be cancelled now; null: it can. */
export function cancelSignUpProblem(activity: ActivityTimes, now: Date): string | null {
  if (activity.status === 'cancelled') return 'the activity is cancelled';
  if (now.getTime() >= activity.startsAt.getTime()) return 'the activity has started: a sign-up can no longer be cancelled';
  return null;
}

/** Why the activity cannot be cancelled now; null: it can (until it ends). */
export function cancelActivityProblem(activity: ActivityTimes, now: Date): string | null {
  if (activity.status === 'cancelled') return 'the activity is already cancelled';
  if (now.getTime() >= activity.endsAt.getTime()) return 'the activity has ended';
  return null;
}

/** Why the report cannot be submitted now; null: it can (after the end, once). */
export function reportProblem(activity: ActivityTimes & { reportedAt: Date | null }, now: Date): string | null {
  if (activity.status === 'cancelled') return 'the activity is cancelled';
  if (now.getTime() < activity.endsAt.getTime()) return 'the activity has not ended yet';
  if (activity.reportedAt) return 'the report was already submitted';
  return null;
}

/**
 * When a code opened now expires, or why check-in cannot be opened: from CHECK_IN_MARGIN_MINUTES before the start
 * to as long after the end; a code lives CHECK_IN_CODE_MINUTES, never past the end plus the margin.
 */
export function checkInWindow(activity: ActivityTimes, now: Date): { expiresAt: Date } | { problem: string } {
  if (activity.status === 'cancelled') return { problem: 'the activity is cancelled' };
  const opens = activity.startsAt.getTime() - CHECK_IN_MARGIN_MINUTES * MINUTE;
  const closes = activity.endsAt.getTime() + CHECK_IN_MARGIN_MINUTES * MINUTE;
  if (now.getTime() < opens) return { problem: `check-in opens ${CHECK_IN_MARGIN_MINUTES} minutes before the start` };
  if (now.getTime() >= closes) return { problem: `check-in closed ${CHECK_IN_MARGIN_MINUTES} minutes after the end` };
  return { expiresAt: new Date(Math.min(now.getTime() + CHECK_IN_CODE_MINUTES * MINUTE, closes)) };
}

/** A stored code as the rules see it. */
export interface StoredCode {
  expiresAt: Date;
  replacedAt: Date | null;
}

/** What a submitted code that matched a stored one amounts to. */
export type CodeState = 'valid' | 'expired' | 'replaced';

export function codeState(code: StoredCode, now: Date): CodeState {
  if (code.replacedAt) return 'replaced';
  if (now.getTime() >= code.expiresAt.getTime()) return 'expired';
  return 'valid';
}

/** Whether a member who gave `wrong` wrong codes for the current code is locked out of it. */
export function lockedOut(wrong: number): boolean {
  return wrong >= CHECK_IN_MAX_WRONG;
}

/** A fresh code: CHECK_IN_CODE_LENGTH characters of the unambiguous alphabet, from the system's CSPRNG. */
export function newCheckInCode(): string {
  let code = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += CHECK_IN_ALPHABET[randomInt(CHECK_IN_ALPHABET.length)];
  return code;
}

/** Codes as typed: case and spaces ignored. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** The stored form of a code: SHA-256 over the activity id and the normalised code (the code itself is never kept). */
export function hashCheckInCode(activityId: string, code: string): string {
  return createHash('sha256').update(`${activityId}:${normaliseCode(code)}`).digest('hex');
}

/** Whether one more seat may be taken. */
export function hasSeat(activity: { capacity: number; signedUp: number }): boolean {
  return activity.signedUp < activity.capacity;
}

/** What an activity's audience is matched against: the member's unit path and their organisation with every one above it. */
export interface MemberAudience {
  units: readonly string[];
  organisations: readonly string[];
}

/**
 * Whether an activity's audience takes the member: `all` everyone, `scope` members living in its unit or beneath it,
 * `organisation` members of its organisation or of one beneath it. `audienceFilter` is the same rule as a query.
 */
export function admitsAudience(activity: { audience: ActivityAudience; unitCode: string; organisationId: string }, member: MemberAudience): boolean {
  switch (activity.audience) {
    case 'all':
      return true;
    case 'scope':
      return member.units.includes(activity.unitCode);
    case 'organisation':
      return member.organisations.includes(activity.organisationId);
  }
}

/** `admitsAudience` as a filter on activities (the open list), one branch per audience. */
export function audienceFilter(member: MemberAudience) {
  return {
    $or: [
      { audience: 'all' as const },
      { audience: 'scope' as const, unitCode: { $in: [...member.units] } },
      { audience: 'organisation' as const, organisationId: { $in: [...member.organisations] } },
    ],
  };
}

/** Seats still free (never below zero). */
export function seatsLeft(activity: { capacity: number; signedUp: number }): number {
  return Math.max(0, activity.capacity - activity.signedUp);
}

/** How far back an activity may be recorded after it was held (from its sign-in sheet). */
export const HELD_RECORDING_DAYS = 366;

/**
 * Why an activity cannot be recorded as held (its attendance from the sign-in sheet), as the field to blame and the
 * reason; null: it can — it has ended, began within the last HELD_RECORDING_DAYS days, and the sheet fits its seats.
 */
export function heldActivityProblem(activity: { startsAt: Date; endsAt: Date; capacity: number }, attendees: number, now: Date): { field: string; reason: string } | null {
  if (activity.endsAt.getTime() <= activity.startsAt.getTime()) return { field: 'endsAt', reason: 'must be after startsAt' };
  if (activity.endsAt.getTime() > now.getTime()) return { field: 'endsAt', reason: 'must be past: only a held activity is recorded after the fact' };
  if (activity.startsAt.getTime() < now.getTime() - HELD_RECORDING_DAYS * 24 * 60 * MINUTE) return { field: 'startsAt', reason: `must be within the last ${HELD_RECORDING_DAYS} days` };
  if (attendees > activity.capacity) return { field: 'attendeeIds', reason: `must not name more members than the capacity (${activity.capacity})` };
  return null;
}
