import { CANDIDATE_DECIDERS, CANDIDATE_READERS, isUnrestricted, requireRole, scopeCovers, type Caller } from '@gridline/auth';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { AnalyticsErrorCode, PLATFORM_CANDIDATE_RULES } from '@gridline/contracts-analytics';
import type { PartyFiguresRepository } from '../party/party-figures.repository';
import { rankingStreet, scopeMeetsStreet } from '../rankings/ranking-street';
import type { CandidateRow } from './candidate.repository';

export const candidateNotFound = (id: string) => new AppError(AnalyticsErrorCode.CandidateNotFound, 'not_found', `Candidate ${id} not found`, { id });

/** The candidate if the caller may see it: a reader whose scope meets its unit's path; else (unknown alike) 404. */
export function seenCandidate(caller: Caller, id: string, row: CandidateRow | null): CandidateRow {
  if (!row || !scopeCovers(caller, row.unitPath)) throw candidateNotFound(id);
  return row;
}

/** Who reads candidates (403 before any lookup). */
export const requireCandidateReader = (caller: Caller, action: string) => requireRole(caller, CANDIDATE_READERS, action);

/** Who judges them and keeps the rules: the street grid centre (403 before any lookup; then a candidate out of scope is 404). */
export const requireCandidateDecider = (caller: Caller, action: string) => requireRole(caller, CANDIDATE_DECIDERS, action);

/** 409 when the candidate is no longer raised; names only its own status. */
export function notRaised(row: CandidateRow): AppError {
  return new AppError(AnalyticsErrorCode.CandidateNotRaised, 'conflict', `The candidate is ${row.status}, not raised`, { id: row.id, status: row.status });
}

/**
 * The street whose detection rules a request is about: the one asked, else the street of the caller's first unit (an
 * admin's: the platform default `*`). A street outside the caller's scope (neither covered nor holding a unit of
 * theirs) reads 404 as an unknown one does; `*` is always there to read.
 */
export async function rulesStreet(caller: Caller, asked: string | undefined, units: PartyFiguresRepository): Promise<string> {
  if (asked === PLATFORM_CANDIDATE_RULES || (!asked && isUnrestricted(caller))) return PLATFORM_CANDIDATE_RULES;
  return (await rankingStreet(caller.units, asked, units, (street) => scopeMeetsStreet(caller, street, units))).code;
}

/** Only the street's own street admin (or an admin) changes its rules, and only an admin the platform default's: else 403. */
export function requireRulesKeeper(caller: Caller, street: string): void {
  if (isUnrestricted(caller) || (street !== PLATFORM_CANDIDATE_RULES && caller.units.includes(street))) return;
  const whose = street === PLATFORM_CANDIDATE_RULES ? 'the platform default 3+N detection rules' : `the 3+N detection rules of ${street}`;
  throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `Only ${street === PLATFORM_CANDIDATE_RULES ? 'an admin' : 'its street admin (or an admin)'} changes ${whose}`, {
    requiredRoles: street === PLATFORM_CANDIDATE_RULES ? ['admin'] : [...CANDIDATE_DECIDERS],
  });
}
