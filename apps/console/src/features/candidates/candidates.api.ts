import { queryString, type Api } from '@/shared/api/client';
import type { CursorPage } from '@/shared/api/types';

export const CANDIDATE_STATUSES = ['raised', 'dismissed', 'lifted'] as const;

/** A 3+N candidate as GET /analytics/candidates answers it (docs/analytics.md "3+N candidates"). */
export interface CandidateView {
  id: string;
  streetCode: string;
  streetName: string | null;
  unitCode: string;
  unitName: string | null;
  categoryCode: string;
  categoryName: string | null;
  rule: { categoryCode: string; kind: string; windowDays: number; minCount: number; radiusMetres: number | null; factor: number | null; baselineWindows: number | null };
  summary: string;
  evidence: { incidentIds: string[]; appealIds: string[]; trend: { day: string; cases: number; appeals: number }[] };
  windowStart: string;
  status: string;
  dismissal: { reason: string; by: string; at: string } | null;
  lift: { by: string; at: string } | null;
  outcome: { discussionId: string | null; status: string; tasksTotal: number; tasksDone: number; tasksOverdue: number; closedAt: string | null; reason: string | null; at: string } | null;
  raisedAt: string;
}

/** CANDIDATE_READERS and CANDIDATE_DECIDERS of the gateway (the API decides; this only decides what shows). */
const READERS = new Set(['admin', 'street_admin', 'community_admin', 'grid_instructor', 'analyst']);
const DECIDERS = new Set(['admin', 'street_admin']);
export const mayReadCandidates = (roles: readonly string[] | undefined) => (roles ?? []).some((role) => READERS.has(role));
export const mayDecideCandidates = (roles: readonly string[] | undefined) => (roles ?? []).some((role) => DECIDERS.has(role));

export const listCandidates = (api: Api, status: string | undefined, cursor?: string) => api.get<CursorPage<CandidateView>>('/analytics/candidates', { status, cursor, limit: 50 });
/** Dismiss and lift are IdempotentCreate routes: a key per click, so a retried request does it once. */
export const dismissCandidate = (api: Api, id: string, reason: string) =>
  api.post<CandidateView>(`/analytics/candidates/${encodeURIComponent(id)}/dismiss`, { reason }, { 'Idempotency-Key': crypto.randomUUID() });
export const liftCandidate = (api: Api, id: string) => api.post<CandidateView>(`/analytics/candidates/${encodeURIComponent(id)}/lift`, {}, { 'Idempotency-Key': crypto.randomUUID() });

export const CANDIDATE_RULE_KINDS = ['same_grid', 'within_radius', 'rise_over_baseline'] as const;
export type CandidateRuleKind = (typeof CANDIDATE_RULE_KINDS)[number];
/** The category code of the default rule, for every category without a rule of its own. */
export const DEFAULT_CANDIDATE_RULE = '*';

/** A detection rule as PUT /analytics/candidate-rules takes it (`CandidateRuleInput`). */
export interface CandidateRuleInput {
  categoryCode: string;
  kind: CandidateRuleKind;
  windowDays: number;
  minCount: number;
  radiusMetres: number | null;
  factor: number | null;
  baselineWindows: number | null;
  enabled: boolean;
}

/** GET /analytics/candidate-rules: a street's rules (`source: street`), or the platform default it uses (`default`; `street: *` for the default itself). */
export interface CandidateRulesView {
  street: string;
  streetName: string | null;
  source: 'street' | 'default';
  rules: (CandidateRuleInput & { updatedAt: string; updatedBy: string })[];
}

const rulesPath = (street: string | undefined) => `/analytics/candidate-rules${queryString({ street })}`;
export const getCandidateRules = (api: Api, street?: string) => api.get<CandidateRulesView>('/analytics/candidate-rules', { street });
/** A PUT replaces the whole set (the same set again changes nothing): no Idempotency-Key. */
export const putCandidateRules = (api: Api, street: string | undefined, rules: CandidateRuleInput[]) => api.request<CandidateRulesView>('PUT', rulesPath(street), { rules });
/** Back to the platform default: 204 whether or not the street had rules of its own. */
export const deleteCandidateRules = (api: Api, street: string | undefined) => api.request<void>('DELETE', rulesPath(street));
