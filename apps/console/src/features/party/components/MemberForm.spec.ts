import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import MemberForm from './MemberForm.vue';
import MemberList from './MemberList.vue';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
const BRANCH = { id: '7d1f0b6e-3c1a-4f57-9b7e-1d2c3b4a5f60', name: '文汇社区第1网格党支部', level: 'branch', parentId: null, unitCode: '370502003001001', unitName: null, unitActive: true, active: true };
const GRID = { code: '370502003001001', name: '文汇社区第1网格', level: 'grid', kind: null, parentCode: '370502003001', boundary: null, active: true };
const COMMUNITY = { ...GRID, code: '370502003001', name: '文汇社区', level: 'community', parentCode: '370502003' };

describe('MemberForm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('registers a member with an Idempotency-Key, offers only grids as the home grid, and puts idNumber’s error on its field', async () => {
    const problem = { type: 'x', title: 'Bad Request', status: 400, detail: 'invalid', code: 'VALIDATION_FAILED', errors: [{ field: 'idNumber', reasons: ['idNumber must be a valid resident ID number'] }] };
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => (init.method === 'POST' ? json(problem, 400) : json({ items: [BRANCH], page: 1, pageSize: 100, total: 1 })));
    vi.stubGlobal('fetch', fetchMock);
    // The date picker is set through the form's values (happy-dom renders it slowly); stubbed.
    const wrapper = mount(MemberForm, { props: { api: new ApiClient(() => 't'), units: [COMMUNITY, GRID] }, global: { plugins: [ElementPlus, i18n], stubs: { ElDatePicker: true, 'el-date-picker': true } } });
    await flushPromises();
    const state = (wrapper.vm as unknown as { $: { setupState: { values: Record<string, string>; grids: { code: string }[] } } }).$.setupState;
    expect(state.grids.map((g) => g.code)).toEqual([GRID.code]);
    Object.assign(state.values, { joinedOn: '2015-07-01', organisationId: BRANCH.id, homeGridCode: GRID.code });
    await wrapper.find('[data-field="name"] input').setValue('张三');
    await wrapper.find('[data-field="idNumber"] input').setValue('11010519491231002X');
    await wrapper.find('[data-field="phone"] input').setValue('13805461234');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i.method === 'POST') as [string, RequestInit];
    expect(url).toBe('/api/v1/party/members');
    expect(JSON.parse(init.body as string)).toEqual({ name: '张三', idNumber: '11010519491231002X', phone: '13805461234', status: 'full', joinedOn: '2015-07-01', organisationId: BRANCH.id, homeGridCode: GRID.code });
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === 'idNumber')?.props('error')).toBe('idNumber must be a valid resident ID number');
    expect(wrapper.emitted('done')).toBeUndefined();
  });

  it('offers the registration to keepers only', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ items: [], page: 1, pageSize: 50, total: 0 })));
    const list = (keeper: boolean) => mount(MemberList, { props: { api: new ApiClient(() => 't'), units: [GRID], keeper }, global: { plugins: [ElementPlus, i18n], stubs: { RouterLink: true } } });
    const [reader, keeper] = [list(false), list(true)];
    await flushPromises();
    expect(reader.find('[data-test="create-member"]').exists()).toBe(false);
    expect(keeper.find('[data-test="create-member"]').exists()).toBe(true);
  });
});
