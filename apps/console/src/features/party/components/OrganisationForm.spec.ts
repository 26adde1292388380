import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import OrganisationForm from './OrganisationForm.vue';
import OrganisationsPanel from './OrganisationsPanel.vue';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
const COMMITTEE = { id: '7d1f0b6e-3c1a-4f57-9b7e-1d2c3b4a5f61', name: '文汇社区党委', level: 'party_committee', parentId: null, unitCode: '370502003001', unitName: '文汇社区', unitActive: true, active: true };
const GRID = { code: '370502003001001', name: '文汇社区第1网格', level: 'grid', kind: null, parentCode: '370502003001', boundary: null, active: true };
const COVERAGE = { unitCode: null, grids: 1, covered: 0, share: 0, gridsWithoutBranch: [], branchesOnInactiveGrids: [], branchesWithoutSecretary: [], communities: [] };

function stubFetch(post: (body: unknown) => Response) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    if (init.method === 'POST') return post(JSON.parse(init.body as string));
    if (url.startsWith('/api/v1/party/coverage')) return json(COVERAGE);
    return json({ items: [COMMITTEE], page: 1, pageSize: 100, total: 1 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const itemOf = (wrapper: ReturnType<typeof mount>, field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field);

describe('OrganisationForm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('founds a branch on a grid under its committee with an Idempotency-Key, and shows the API’s field error on its field', async () => {
    let answer = json({ type: 'x', title: 'Conflict', status: 409, detail: 'conflict', code: 'PARTY_CONFLICT', errors: [{ field: 'unitCode', reasons: ['the grid has an active branch already'] }] }, 409);
    const fetchMock = stubFetch(() => answer);
    const wrapper = mount(OrganisationForm, { props: { api: new ApiClient(() => 't'), units: [GRID] }, global: { plugins: [ElementPlus, i18n] } });
    await flushPromises();
    const values = (wrapper.vm as unknown as { $: { setupState: { values: Record<string, string> } } }).$.setupState.values;
    Object.assign(values, { unitCode: GRID.code, parentId: COMMITTEE.id });
    await wrapper.find('[data-field="name"] input').setValue(' 文汇社区第1网格党支部 ');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const post = fetchMock.mock.calls.find(([, init]) => init.method === 'POST') as [string, RequestInit];
    expect(post[0]).toBe('/api/v1/party/organisations');
    expect(JSON.parse(post[1].body as string)).toEqual({ name: '文汇社区第1网格党支部', level: 'branch', unitCode: GRID.code, parentId: COMMITTEE.id });
    expect((post[1].headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(itemOf(wrapper, 'unitCode')?.props('error')).toBe('the grid has an active branch already');
    expect(wrapper.emitted('done')).toBeUndefined();
    answer = json({ ...COMMITTEE, id: 'b-1', name: '文汇社区第1网格党支部', level: 'branch', parentId: COMMITTEE.id, unitCode: GRID.code }, 201);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('done')?.[0]?.[0]).toMatchObject({ id: 'b-1' });
  });

  it('offers the create to keepers only', async () => {
    stubFetch(() => json({}));
    const panel = (keeper: boolean) => mount(OrganisationsPanel, { props: { api: new ApiClient(() => 't'), units: [GRID], keeper }, global: { plugins: [ElementPlus, i18n] } });
    const [reader, keeper] = [panel(false), panel(true)];
    await flushPromises();
    expect(reader.find('[data-test="create-organisation"]').exists()).toBe(false);
    expect(keeper.find('[data-test="create-organisation"]').exists()).toBe(true);
  });
});
