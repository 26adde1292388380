import type { Api } from '@/shared/api/client';
import type { ActionField } from '@/shared/forms/action-fields';
import type { CaseCounts, CaseView, CursorPage, TimelineEntry } from '@/shared/api/types';

/** GET /incidents's filters (ListIncidentsQuery in docs/openapi.json): `q` is text or a work-order number. */
export interface CaseFilters {
  status?: string;
  category?: string;
  unit?: string;
  /** Reported on or after this day (YYYY-MM-DD, China time). */
  from?: string;
  /** Reported on or before this day. */
  to?: string;
  q?: string;
  overdue?: boolean;
  supervised?: boolean;
  /** A supervision card now carried: warning, yellow, red (escalated) or none. */
  card?: 'none' | 'warning' | 'yellow' | 'red';
  /** The current step due before this moment (ISO 8601). */
  dueBefore?: string;
  sort?: 'newest' | 'oldest' | 'due';
}

export const CASE_STATUSES = ['reported', 'accepted', 'rejected', 'dispatched', 'in_progress', 'handled', 'closed', 'evaluated', 'cancelled', 'merged'] as const;
const FINAL = new Set(['rejected', 'closed', 'evaluated', 'cancelled', 'merged']);
/** The board's columns: the states a case passes through, then where it ends. */
/** Whether a case is still open: not ended (rejected, closed, evaluated, cancelled or merged). */
export const isOpen = (c: Pick<CaseView, 'status'>) => !FINAL.has(c.status);
export const BOARD_STATUSES = ['reported', 'accepted', 'dispatched', 'in_progress', 'handled', 'closed', 'evaluated', 'rejected', 'cancelled', 'merged'] as const;

export const listCases = (api: Api, filters: CaseFilters, cursor?: string, limit = 50) => api.get<CursorPage<CaseView>>('/incidents', { ...filters, cursor, limit });
export const caseCounts = (api: Api, unit?: string, by?: 'unit') => api.get<CaseCounts>('/incidents/counts', { unit, by });
export const getCase = (api: Api, id: string) => api.get<CaseView>(`/incidents/${encodeURIComponent(id)}`);
export const caseTimeline = (api: Api, id: string) => api.get<TimelineEntry[]>(`/incidents/${encodeURIComponent(id)}/timeline`);
export const actOnCase = (api: Api, id: string, action: string, body: Record<string, unknown>) =>
  api.post<CaseView>(`/incidents/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`, body);

/** The cases by state, in the board's column order (a state the board does not name gets a column at the end). */
export function byStatus(cases: readonly CaseView[]): { status: string; cases: CaseView[] }[] {
  const columns = new Map<string, CaseView[]>(BOARD_STATUSES.map((s) => [s, []]));
  for (const c of cases) columns.set(c.status, [...(columns.get(c.status) ?? []), c]);
  return [...columns].map(([status, list]) => ({ status, cases: list }));
}

/** Past its step's due time and still open. */
export function isOverdue(c: Pick<CaseView, 'dueAt' | 'status'>, now = Date.now()): boolean {
  return c.dueAt !== null && !FINAL.has(c.status) && Date.parse(c.dueAt) < now;
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
