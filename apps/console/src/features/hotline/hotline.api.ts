import type { Api } from '@/shared/api/client';
import type { OffsetPage } from '@/shared/api/types';
import type { ActionField } from '@/shared/forms/action-fields';

/** IntakeAppealRequest's choices (docs/openapi.json). */
export const CHANNELS = ['phone', 'web', 'app', 'wechat', 'open311', 'other'] as const;
export const APPEAL_TYPES = ['complaint', 'help', 'consultation', 'report', 'suggestion', 'praise'] as const;
export const APPEAL_URGENCIES = ['general', 'utilities', 'emergency'] as const;
export const APPEAL_STATUSES = ['received', 'dispatched', 'signed', 'answered', 'closed', 'merged'] as const;

export interface AppealOwnerView {
  kind: 'department' | 'unit';
  departmentCode?: string;
  unitCode?: string;
  name: string | null;
}

/** An appeal as GET /appeals/{id} answers it: the caller masked. */
export interface AppealView {
  id: string;
  workOrder: string;
  status: string;
  channel: string;
  type: string;
  caller: { name: string | null; phone: string | null; anonymous: boolean; flagged: boolean };
  content: string;
  categoryCode: string | null;
  categoryName: string | null;
  location: { lat: number | null; lng: number | null; address: string | null } | null;
  gridCode: string | null;
  gridName: string | null;
  urgency: string;
  lead: AppealOwnerView | null;
  incidentId: string | null;
  dispatchDueAt: string | null;
  answerDueAt: string | null;
  answeredAt: string | null;
  reply: { resolution: string; text: string } | null;
  receivedAt: string;
  version: number;
  allowedActions: string[];
}

export interface AppealTimelineEntry {
  at: string;
  action: string;
  actor: string;
  comment: string | null;
}

export interface IntakeBody {
  channel: string;
  type: string;
  caller?: { name?: string; phone?: string; anonymous?: boolean };
  content: string;
  categoryCode?: string;
  urgency: string;
  location?: { lat?: number; lng?: number; address?: string };
}

/** An earlier appeal of the same caller, or an open one of the same category and grid (RelatedAppeal). */
export interface RelatedAppeal {
  id: string;
  workOrder: string;
  reason: 'same_caller' | 'same_place';
  status: string;
  categoryCode: string | null;
  content: string;
  address: string | null;
  receivedAt: string;
}

export interface IntakeResult {
  appeal: AppealView;
  related: RelatedAppeal[];
}

/** GET /appeals/related's query (RelatedAppealsQuery): what the operator has typed of the call so far. */
export interface RelatedQuery {
  phone?: string;
  categoryCode?: string;
  lat?: number;
  lng?: number;
}

/** GET /appeals's filters (ListAppealsQuery): `q` is a work-order number or text of the content or address. */
export interface AppealFilters {
  status?: string;
  q?: string;
  phone?: string;
  overdue?: boolean;
}

/** Who may take an appeal (APPEAL_TAKERS of the gateway; the API decides, this only decides whether the form shows). */
const TAKERS = new Set(['hotline_operator', 'street_admin', 'admin']);
/** Who acts on appeals: the takers, and the owners the hotline dispatches to (the API scopes what each sees). */
const DESK = new Set([...TAKERS, 'community_admin', 'department']);

export const mayTakeAppeals = (roles: readonly string[] | undefined) => (roles ?? []).some((role) => TAKERS.has(role));
export const mayUseHotlineDesk = (roles: readonly string[] | undefined) => (roles ?? []).some((role) => DESK.has(role));

/** POST /appeals with an Idempotency-Key (the gateway's IdempotentCreate): a retry with the same key creates nothing. */
export const intakeAppeal = (api: Api, body: IntakeBody, idempotencyKey: string) => api.post<IntakeResult>('/appeals', body, { 'Idempotency-Key': idempotencyKey });
/** The related appeals intake would answer, for the call being typed (nothing asked: none). */
export const relatedAppeals = (api: Api, query: RelatedQuery) => api.get<RelatedAppeal[]>('/appeals/related', { ...query });
export const listAppeals = (api: Api, filters: AppealFilters, page = 1, pageSize = 50) => api.get<OffsetPage<AppealView>>('/appeals', { ...filters, page, pageSize });
export const getAppeal = (api: Api, id: string) => api.get<AppealView>(`/appeals/${encodeURIComponent(id)}`);
export const appealTimeline = (api: Api, id: string) => api.get<AppealTimelineEntry[]>(`/appeals/${encodeURIComponent(id)}/timeline`);
export const actOnAppeal = (api: Api, id: string, action: string, body: Record<string, unknown>) =>
  api.post<AppealView>(`/appeals/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`, body);
/** GET /appeals/{id}/reveal: the caller's phone in clear, written to the audit log with the reason. */
export const revealPhone = async (api: Api, id: string, reason: string) =>
  (await api.get<{ id: string; phone?: string | null }>(`/appeals/${encodeURIComponent(id)}/reveal`, { fields: 'phone', reason })).phone ?? null;

/** The fields of each step's body (AppealActionBody in docs/openapi.json); `version` is sent by the form itself. */
export const APPEAL_ACTION_FIELDS: Record<string, ActionField[]> = {
  answer_directly: [{ name: 'text', kind: 'textarea' }],
  dispatch: [{ name: 'lead.departmentCode', kind: 'text' }, { name: 'lead.unitCode', kind: 'text' }, { name: 'comment', kind: 'textarea' }],
  sign: [{ name: 'comment', kind: 'textarea' }],
  contact: [{ name: 'comment', kind: 'textarea' }],
  return: [{ name: 'reason', kind: 'textarea' }],
  decide_return: [{ name: 'approve', kind: 'switch' }, { name: 'reason', kind: 'textarea' }],
  raise_objection: [{ name: 'reason', kind: 'textarea' }, { name: 'owner.departmentCode', kind: 'text' }, { name: 'owner.unitCode', kind: 'text' }],
  decide_objection: [{ name: 'approve', kind: 'switch' }, { name: 'reason', kind: 'textarea' }, { name: 'owner.departmentCode', kind: 'text' }, { name: 'owner.unitCode', kind: 'text' }],
  request_extension: [{ name: 'until', kind: 'datetime' }, { name: 'reason', kind: 'textarea' }],
  decide_extension: [{ name: 'approve', kind: 'switch' }, { name: 'comment', kind: 'textarea' }],
  answer: [{ name: 'resolution', kind: 'select', options: ['resolved', 'partly_resolved', 'not_resolved'] }, { name: 'text', kind: 'textarea' }],
  callback: [{ name: 'satisfaction', kind: 'select', options: ['satisfied', 'basically_satisfied', 'dissatisfied', 'not_reached'] }, { name: 'comment', kind: 'textarea' }],
  merge: [{ name: 'intoId', kind: 'text' }],
  flag: [{ name: 'reason', kind: 'textarea' }],
};

/** GET /appeals/{id}/owner-suggestion: the lead a dispatch naming none gives the appeal (OwnerSuggestion). */
export interface OwnerSuggestion {
  lead: { kind: 'department'; departmentCode: string; name: string | null } | { kind: 'unit'; unitCode: string; level: string; name: string | null };
  why: 'category_owner' | 'street_fallback';
}

export const ownerSuggestion = (api: Api, id: string) => api.get<OwnerSuggestion>(`/appeals/${encodeURIComponent(id)}/owner-suggestion`);

/**
 * The dispatch form's fields filled from the suggestion: the responsibility list's owner as the lead (the operator
 * may change it); nothing for the street's fallback, which a dispatch naming no lead gives anyway.
 */
export function dispatchInitial(suggestion: OwnerSuggestion | null): Record<string, string> {
  if (!suggestion || suggestion.why !== 'category_owner') return {};
  const { lead } = suggestion;
  return lead.kind === 'department' ? { 'lead.departmentCode': lead.departmentCode } : { 'lead.unitCode': lead.unitCode };
}
