import { describe, expect, it } from 'vitest';
import { RouterLinkStub, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '@/i18n';
import type { CaseView } from '@/shared/api/types';
import CaseBoard from './CaseBoard.vue';

const HOUR = 3_600_000;
const aCase = (id: string, status: string, more: Partial<CaseView> = {}) =>
  ({ id, status, title: `case ${id}`, workOrder: `GX-20261202-00000${id}`, gridCode: 'G', gridName: '第1网格', dueAt: null, supervision: { card: 'none', supervisorUnitCode: null, since: null }, ...more }) as CaseView;

describe('CaseBoard', () => {
  it('puts each case in the column of its state, with the overdue and card badges the list answered', () => {
    const cases = [
      aCase('1', 'reported', { dueAt: new Date(Date.now() - HOUR).toISOString(), supervision: { card: 'yellow', supervisorUnitCode: 'S', since: null } }),
      aCase('2', 'dispatched', { dueAt: new Date(Date.now() + HOUR).toISOString(), supervision: { card: 'red', supervisorUnitCode: 'S', since: null } }),
      aCase('3', 'reported'),
      aCase('4', 'closed', { dueAt: new Date(Date.now() - HOUR).toISOString() }),
    ];
    const wrapper = mount(CaseBoard, { props: { cases }, global: { plugins: [ElementPlus, i18n], stubs: { RouterLink: RouterLinkStub } } });
    const column = (status: string) => wrapper.find(`[data-status="${status}"]`);
    const ids = (status: string) => column(status).findAll('[data-case]').map((c) => c.attributes('data-case'));
    expect({ reported: ids('reported'), dispatched: ids('dispatched'), closed: ids('closed'), accepted: ids('accepted') }).toEqual({ reported: ['1', '3'], dispatched: ['2'], closed: ['4'], accepted: [] });
    expect(column('reported').find('h3').text()).toContain('待受理');
    const badges = (id: string) => wrapper.find(`[data-case="${id}"]`).findAll('[data-badge]').map((b) => b.attributes('data-badge'));
    // Overdue only while open: a closed case past its old due time has no badge.
    expect({ 1: badges('1'), 2: badges('2'), 3: badges('3'), 4: badges('4') }).toEqual({ 1: ['overdue', 'yellow'], 2: ['red'], 3: [], 4: [] });
    expect(wrapper.findAllComponents(RouterLinkStub).map((l) => l.props('to'))).toContain('/cases/2');
  });
});
