import type { CandidateDismissedEvent, CandidateLiftedEventData, CandidateRaisedEvent, CandidateView } from '@gridline/contracts-analytics';
import type { NameBook } from '@gridline/registry-reference';
import type { CandidateRow } from './candidate.repository';

/** The codes whose names a page of candidates shows. */
export function candidateCodes(rows: readonly CandidateRow[]) {
  return { units: rows.flatMap((r) => [r.streetCode, r.unitCode]), categories: rows.map((r) => r.categoryCode) };
}

export function toCandidateView(r: CandidateRow, names: NameBook): CandidateView {
  return {
    id: r.id,
    streetCode: r.streetCode,
    streetName: names.unit(r.streetCode),
    unitCode: r.unitCode,
    unitName: names.unit(r.unitCode),
    unitPath: r.unitPath,
    categoryCode: r.categoryCode,
    categoryName: names.category(r.categoryCode),
    rule: r.rule,
    summary: r.summary,
    evidence: { incidentIds: r.incidentIds, appealIds: r.appealIds, trend: r.trend },
    windowStart: r.windowStart,
    lastEvidenceAt: r.lastEvidenceAt.toISOString(),
    status: r.status,
    dismissal: r.dismissedAt && r.dismissReason !== null && r.dismissedBy !== null ? { reason: r.dismissReason, by: r.dismissedBy, at: r.dismissedAt.toISOString() } : null,
    lift: r.liftedAt && r.liftedBy !== null ? { by: r.liftedBy, at: r.liftedAt.toISOString() } : null,
    outcome: r.outcome,
    raisedAt: r.raisedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const where = (r: CandidateRow) => ({ candidateId: r.id, streetCode: r.streetCode, unitCode: r.unitCode, unitPath: r.unitPath, categoryCode: r.categoryCode });
const evidence = (r: CandidateRow) => ({ incidentIds: r.incidentIds, appealIds: r.appealIds });

export const raisedEvent = (r: CandidateRow): CandidateRaisedEvent => ({
  ...where(r),
  rule: { categoryCode: r.rule.categoryCode, kind: r.rule.kind },
  summary: r.summary,
  evidence: evidence(r),
  at: r.raisedAt.toISOString(),
});

export const dismissedEvent = (r: CandidateRow & { dismissReason: string; dismissedBy: string; dismissedAt: Date }): CandidateDismissedEvent => ({
  ...where(r),
  reason: r.dismissReason,
  dismissedBy: r.dismissedBy,
  at: r.dismissedAt.toISOString(),
});

/** The event whose contract incidents' 3+N discussions consume (fixed: docs/asyncapi.yaml). */
export const liftedEvent = (r: CandidateRow & { liftedBy: string; liftedAt: Date }): CandidateLiftedEventData => ({
  ...where(r),
  summary: r.summary,
  evidence: evidence(r),
  liftedBy: r.liftedBy,
  at: r.liftedAt.toISOString(),
});
