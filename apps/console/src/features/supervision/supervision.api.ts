import type { Api } from '@/shared/api/client';
import type { CaseStatus, CaseView } from '@/shared/api/types';
import { caseCounts, isOverdue, listCases } from '@/features/cases/cases.api';

/** How far ahead "due soon" looks. */
export const DUE_SOON_MS = 24 * 3_600_000;
const LIVE = new Set(['reported', 'accepted', 'dispatched', 'in_progress', 'handled']);

export interface Supervision {
  dueSoon: CaseView[];
  overdue: CaseView[];
  carded: CaseView[];
  escalated: CaseView[];
}

/**
 * The board's four lists, each one filter of GET /incidents: due soon (`dueBefore` the horizon, `sort=due`: the open
 * cases falling due first, of which those not yet past it), `overdue=true`, `supervised=true` (any card) and
 * `card=red` (escalated).
 */
export function supervisionOf(dueByHorizon: readonly CaseView[], overdue: readonly CaseView[], carded: readonly CaseView[], escalated: readonly CaseView[], now = Date.now()): Supervision {
  const dueSoon = dueByHorizon.filter((c) => LIVE.has(c.status) && c.dueAt !== null && !isOverdue(c, now));
  return { dueSoon, overdue: [...overdue], carded: [...carded], escalated: [...escalated] };
}

/** The first page (up to 200, the API's most) of each list, within `unit` when given. */
export async function loadSupervision(api: Api, unit?: string, now = Date.now(), horizon = DUE_SOON_MS): Promise<Supervision> {
  const [dueByHorizon, overdue, carded, escalated] = await Promise.all([
    listCases(api, { unit, dueBefore: new Date(now + horizon).toISOString(), sort: 'due' }, undefined, 200),
    listCases(api, { unit, overdue: true, sort: 'due' }, undefined, 200),
    listCases(api, { unit, supervised: true, sort: 'due' }, undefined, 200),
    listCases(api, { unit, card: 'red', sort: 'due' }, undefined, 200),
  ]);
  return supervisionOf(dueByHorizon.items, overdue.items, carded.items, escalated.items, now);
}

export interface UnitFigures {
  code: string;
  name: string;
  level: string;
  open: number;
  overdue: number;
  supervised: number;
}

/** Open, overdue and supervised cases per unit, all in one GET /incidents/counts?by=unit (a unit without cases: 0). */
export async function figuresByUnit(api: Api, units: readonly { code: string; name: string; level: string }[]): Promise<UnitFigures[]> {
  const counted = new Map(((await caseCounts(api, undefined, 'unit')).units ?? []).map((c) => [c.unit, c]));
  return units.map((u) => {
    const counts = counted.get(u.code);
    const open = [...LIVE].reduce((sum, s) => sum + (counts?.byStatus[s as CaseStatus] ?? 0), 0);
    return { code: u.code, name: u.name, level: u.level, open, overdue: counts?.overdue ?? 0, supervised: counts?.supervised ?? 0 };
  });
}
