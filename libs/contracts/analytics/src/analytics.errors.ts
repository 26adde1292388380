import { fieldChecks } from '@gridline/platform';

/** Error codes of the analytics service. */
export const AnalyticsErrorCode = {
  /** Bad input: `details.fields` names the field and why. */
  Invalid: 'ANALYTICS_INVALID',
  /** A unit analytics does not know, or not in the caller's scope (the two are not told apart). */
  UnitNotFound: 'ANALYTICS_UNIT_NOT_FOUND',
  /** A department not the caller's own (a department's handler reads only their own department's figures). */
  DepartmentNotFound: 'ANALYTICS_DEPARTMENT_NOT_FOUND',
  /** A 3+N candidate analytics does not hold, or not in the caller's scope (the two are not told apart). */
  CandidateNotFound: 'ANALYTICS_CANDIDATE_NOT_FOUND',
  /** A candidate no longer `raised` (already dismissed or lifted): `details.status` is its status. */
  CandidateNotRaised: 'ANALYTICS_CANDIDATE_NOT_RAISED',
} as const;
export type AnalyticsErrorCode = (typeof AnalyticsErrorCode)[keyof typeof AnalyticsErrorCode];

/** `analyticsInvalid(field, reason)`: the one 400 of the service. */
export const { invalid: analyticsInvalid } = fieldChecks(AnalyticsErrorCode.Invalid);
