import { describe, expect, it } from 'vitest';
import type { CaseView } from '@/shared/api/types';
import type { Api } from '@/shared/api/client';
import { DUE_SOON_MS, figuresByUnit, loadSupervision, supervisionOf } from './supervision.api';

const NOW = Date.parse('2026-12-02T02:00:00Z');
const HOUR = 3_600_000;
const aCase = (id: string, status: string, dueIn: number | null, card = 'none') =>
  ({ id, status, dueAt: dueIn === null ? null : new Date(NOW + dueIn * HOUR).toISOString(), supervision: { card, supervisorUnitCode: null, since: null } }) as CaseView;

describe(supervisionOf.name, () => {
  it('is due soon when open, due by the horizon and not yet past; the other lists as the API answers them', () => {
    // What `dueBefore` answers: the past due among them (left to the overdue lane) and an ended case.
    const dueByHorizon = [aCase('late', 'accepted', -2, 'yellow'), aCase('soon', 'dispatched', 3, 'warning'), aCase('done', 'closed', null)];
    const red = aCase('red', 'in_progress', -50, 'red');
    const board = supervisionOf(dueByHorizon, [dueByHorizon[0]], [dueByHorizon[0], dueByHorizon[1], red], [red], NOW);
    expect({ dueSoon: board.dueSoon.map((c) => c.id), overdue: board.overdue.map((c) => c.id), carded: board.carded.map((c) => c.id), escalated: board.escalated.map((c) => c.id) })
      .toEqual({ dueSoon: ['soon'], overdue: ['late'], carded: ['late', 'soon', 'red'], escalated: ['red'] });
  });

  it('asks the due-soon lane by the horizon and the escalated by the red card', async () => {
    const asked: Record<string, unknown>[] = [];
    const api = { get: async (_: string, query: Record<string, unknown>) => (asked.push(query), { items: [], nextCursor: null }) } as unknown as Api;
    await loadSupervision(api, 'U1', NOW);
    expect(asked).toEqual([
      expect.objectContaining({ unit: 'U1', dueBefore: new Date(NOW + DUE_SOON_MS).toISOString(), sort: 'due' }),
      expect.objectContaining({ unit: 'U1', overdue: true }),
      expect.objectContaining({ unit: 'U1', supervised: true }),
      expect.objectContaining({ unit: 'U1', card: 'red' }),
    ]);
  });
});

describe(figuresByUnit.name, () => {
  it('counts every unit from one by=unit answer: open (the live states), overdue, supervised; 0 for a unit without cases', async () => {
    const asked: [string, Record<string, unknown>][] = [];
    const answer = { byStatus: {}, overdue: 1, supervised: 1, units: [{ unit: 'C1', byStatus: { reported: 2, dispatched: 1, closed: 5 }, overdue: 1, supervised: 1 }] };
    const api = { get: async (path: string, query: Record<string, unknown>) => (asked.push([path, query]), answer) } as unknown as Api;
    const figures = await figuresByUnit(api, [{ code: 'C1', name: '文汇社区', level: 'community' }, { code: 'G9', name: '第9网格', level: 'grid' }]);
    expect(asked).toEqual([['/incidents/counts', { unit: undefined, by: 'unit' }]]);
    expect(figures).toEqual([
      { code: 'C1', name: '文汇社区', level: 'community', open: 3, overdue: 1, supervised: 1 },
      { code: 'G9', name: '第9网格', level: 'grid', open: 0, overdue: 0, supervised: 0 },
    ]);
  });
});
