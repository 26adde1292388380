import type { Api } from '@/shared/api/client';
import type { CaseView, CursorPage, TimelineEntry } from '@/shared/api/types';

export interface CaseFilters {
  status?: string;
  category?: string;
  q?: string;
  overdue?: boolean;
  supervised?: boolean;
}

export const CASE_STATUSES = ['reported', 'accepted', 'rejected', 'dispatched', 'in_progress', 'handled', 'closed', 'evaluated', 'cancelled', 'merged'] as const;
const FINAL = new Set(['rejected', 'closed', 'evaluated', 'cancelled', 'merged']);

export const listCases = (api: Api, filters: CaseFilters, cursor?: string) => api.get<CursorPage<CaseView>>('/incidents', { ...filters, cursor, limit: 50 });
export const getCase = (api: Api, id: string) => api.get<CaseView>(`/incidents/${encodeURIComponent(id)}`);
export const caseTimeline = (api: Api, id: string) => api.get<TimelineEntry[]>(`/incidents/${encodeURIComponent(id)}/timeline`);
export const actOnCase = (api: Api, id: string, action: string, body: Record<string, unknown>) =>
  api.post<CaseView>(`/incidents/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`, body);

/** Past its step's due time and still open. */
export function isOverdue(c: Pick<CaseView, 'dueAt' | 'status'>, now = Date.now()): boolean {
  return c.dueAt !== null && !FINAL.has(c.status) && Date.parse(c.dueAt) < now;
}

export type FieldKind = 'text' | 'textarea' | 'switch' | 'number' | 'select' | 'datetime';
export interface ActionField {
  name: string;
  kind: FieldKind;
  options?: readonly string[];
}

/** The fields of each step's body (IncidentActionBody in docs/openapi.json); `version` is sent by the form itself. */
export const ACTION_FIELDS: Record<string, ActionField[]> = {
  accept: [{ name: 'comment', kind: 'textarea' }],
  reject: [{ name: 'reason', kind: 'textarea' }],
  dispatch: [{ name: 'ownerUnitCode', kind: 'text' }, { name: 'ownerDepartmentCode', kind: 'text' }, { name: 'comment', kind: 'textarea' }],
  sign: [{ name: 'comment', kind: 'textarea' }],
  return: [{ name: 'reason', kind: 'textarea' }],
  handle: [{ name: 'result', kind: 'textarea' }, { name: 'resolution', kind: 'select', options: ['resolved', 'partly_resolved', 'not_resolved'] }],
  verify: [{ name: 'passed', kind: 'switch' }, { name: 'comment', kind: 'textarea' }],
  evaluate: [{ name: 'rating', kind: 'number' }, { name: 'comment', kind: 'textarea' }],
  request_extension: [{ name: 'until', kind: 'datetime' }, { name: 'reason', kind: 'textarea' }],
  decide_extension: [{ name: 'approve', kind: 'switch' }, { name: 'comment', kind: 'textarea' }],
  cancel: [{ name: 'reason', kind: 'textarea' }],
  merge: [{ name: 'intoId', kind: 'text' }],
};
