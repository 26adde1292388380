import type { Caller } from '@gridline/auth';
import { MAX_HALF_HOURS_PER_DAY, POINTS_PER_HALF_HOUR, SERVICE_HOURS, fromHalfHours } from '@gridline/contracts-party-building';
import { PartyScope } from '../scope/party-scope';

/** The member a record is for, as the ledger needs them: their organisation, its unit path, their login. */
export interface LedgerMember {
  id: string;
  organisationId: string;
  /** The unit path of the member’s organisation, street first (their scope). */
  path: readonly string[];
  /** The token subject the member logs in with (null: no login). */
  account: string | null;
}

/** Points of a record when none are given: one per half-hour (documented in the README). */
export function defaultPoints(halfHours: number): number {
  return halfHours * POINTS_PER_HALF_HOUR;
}

/** Why `day` cannot carry service (null: it can): it must not be after today in China. */
export function serviceDayProblem(day: string, today: string): string | null {
  return day > today ? 'must not be in the future' : null;
}

/** Why `adding` half-hours do not fit a day that already holds `booked` (pending and approved), or null. */
export function dayCapProblem(booked: number, adding: number): string | null {
  if (booked + adding <= MAX_HALF_HOURS_PER_DAY) return null;
  return `would bring the member's day to ${fromHalfHours(booked + adding)} hours (at most ${SERVICE_HOURS.maxPerDay}; ${fromHalfHours(booked)} already recorded)`;
}

/** Whether the caller is the member (their token's subject is the member's account). */
export function isOwnRecord(caller: Caller, member: Pick<LedgerMember, 'account'>): boolean {
  return member.account !== null && member.account === caller.sub;
}

/**
 * Who may record service for a member: the member (their own, at the default points) or a keeper whose scope
 * covers the member's organisation. `not_found` for anyone else (nothing told of members out of scope), `points`
 * when a member gives their own points.
 */
export function submitRefusal(caller: Caller, member: LedgerMember, pointsGiven: boolean): 'not_found' | 'points' | null {
  if (isOwnRecord(caller, member)) return pointsGiven ? 'points' : null;
  return PartyScope.keeps(caller, member.path) ? null : 'not_found';
}

/**
 * Who may approve or reject a record: the branch secretary — a keeper whose scope covers the organisation the record
 * belongs to (a party secretary of the branch, or a keeper above) — but never the member themself.
 */
export function decisionRefusal(caller: Caller, member: Pick<LedgerMember, 'account'>, recordPath: readonly string[]): 'not_found' | 'own' | null {
  if (!PartyScope.keeps(caller, recordPath)) return 'not_found';
  return isOwnRecord(caller, member) ? 'own' : null;
}

/** Who may read a member's ledger: the member, and the party's readers whose scope covers the member's organisation. */
export function mayReadLedger(caller: Caller, member: LedgerMember): boolean {
  return isOwnRecord(caller, member) || PartyScope.reads(caller, member.path);
}

/** The first and last day of a China year. */
export function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
