import type { Api } from '@/shared/api/client';
import type { CaseCounts, CaseView } from '@/shared/api/types';
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
 * The board's four lists from what GET /incidents offers: `overdue=true`, `supervised=true` (any card), and the
 * open cases by due time (`sort=due`) of which those due within the horizon and not yet past it are "due soon".
 * The API has no card filter: escalated (a red card) is picked from the carded ones.
 */
export function supervisionOf(byDue: readonly CaseView[], overdue: readonly CaseView[], carded: readonly CaseView[], now = Date.now(), horizon = DUE_SOON_MS): Supervision {
  const dueSoon = byDue.filter((c) => LIVE.has(c.status) && c.dueAt !== null && !isOverdue(c, now) && Date.parse(c.dueAt) <= now + horizon);
  return { dueSoon, overdue: [...overdue], carded: [...carded], escalated: carded.filter((c) => c.supervision.card === 'red') };
}

/** The first page (up to 200, the API's most) of each list, within `unit` when given. */
export async function loadSupervision(api: Api, unit?: string): Promise<Supervision> {
  const [byDue, overdue, carded] = await Promise.all([
    listCases(api, { unit, sort: 'due' }, undefined, 200),
    listCases(api, { unit, overdue: true, sort: 'due' }, undefined, 200),
    listCases(api, { unit, supervised: true, sort: 'due' }, undefined, 200),
  ]);
  return supervisionOf(byDue.items, overdue.items, carded.items);
}

export interface UnitFigures {
  code: string;
  name: string;
  level: string;
  open: number;
  overdue: number;
  supervised: number;
}

/** Open, overdue and supervised cases per unit (one GET /incidents/counts each: the API counts one unit at a time). */
export async function figuresByUnit(api: Api, units: readonly { code: string; name: string; level: string }[]): Promise<UnitFigures[]> {
  return Promise.all(
    units.map(async (u) => {
      const counts: CaseCounts = await caseCounts(api, u.code);
      const open = [...LIVE].reduce((sum, s) => sum + (counts.byStatus[s] ?? 0), 0);
      return { code: u.code, name: u.name, level: u.level, open, overdue: counts.overdue, supervised: counts.supervised };
    }),
  );
}
