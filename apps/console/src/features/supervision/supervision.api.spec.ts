import { describe, expect, it } from 'vitest';
import type { CaseView } from '@/shared/api/types';
import { supervisionOf } from './supervision.api';

const NOW = Date.parse('2026-12-02T02:00:00Z');
const HOUR = 3_600_000;
const aCase = (id: string, status: string, dueIn: number | null, card = 'none') =>
  ({ id, status, dueAt: dueIn === null ? null : new Date(NOW + dueIn * HOUR).toISOString(), supervision: { card, supervisorUnitCode: null, since: null } }) as CaseView;

describe(supervisionOf.name, () => {
  it('is due soon when open and due within the horizon, not yet past; escalated is the red-carded', () => {
    const byDue = [aCase('late', 'accepted', -2, 'yellow'), aCase('soon', 'dispatched', 3, 'warning'), aCase('later', 'reported', 30), aCase('done', 'closed', null)];
    const board = supervisionOf(byDue, [byDue[0]], [byDue[0], byDue[1], aCase('red', 'in_progress', -50, 'red')], NOW);
    expect({ dueSoon: board.dueSoon.map((c) => c.id), overdue: board.overdue.map((c) => c.id), carded: board.carded.map((c) => c.id), escalated: board.escalated.map((c) => c.id) })
      .toEqual({ dueSoon: ['soon'], overdue: ['late'], carded: ['late', 'soon', 'red'], escalated: ['red'] });
  });
});
