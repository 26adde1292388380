import { CANDIDATE_DECIDERS, CANDIDATE_READERS, requireRole, scopeCovers, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { AnalyticsErrorCode } from '@gridline/contracts-analytics';
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
