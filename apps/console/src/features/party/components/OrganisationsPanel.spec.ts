import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import OrganisationsPanel from './OrganisationsPanel.vue';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const COVERAGE = {
  unitCode: null, grids: 3, covered: 2, share: 0.6667,
  gridsWithoutBranch: [{ unitCode: '370502003001002', unitName: '文汇社区第2网格', level: 'grid' }],
  branchesOnInactiveGrids: [],
  branchesWithoutSecretary: [{ organisationId: 'o-3', name: '新村社区第1网格党支部', level: 'branch', unitCode: '370502003002001', unitName: '新村社区第1网格' }],
  communities: [
    { unitCode: '370502003001', unitName: '文汇社区', grids: 2, covered: 1, share: 0.5, committeeId: 'o-1', gridCentreDirector: { officerId: 'f-1', memberId: 'm-1', memberName: '王*明' } },
    { unitCode: '370502003002', unitName: '新村社区', grids: 1, covered: 1, share: 1, committeeId: null, gridCentreDirector: null },
  ],
};
const ORG = (id: string, name: string, level: string, parentId: string | null) => ({ id, name, level, parentId, unitCode: '370502003001', unitName: '文汇社区', unitActive: true, active: true, createdAt: '', updatedAt: '' });
const ORGANISATIONS = [ORG('o-1', '中共文汇社区委员会', 'party_committee', null), ORG('o-2', '文汇社区第1网格党支部', 'branch', 'o-1')];

describe('OrganisationsPanel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows the coverage as the API answers it — the share, each community with its director, the grids without a branch — and the organisation tree', async () => {
    const fetchMock = vi.fn(async (url: string) => (url.startsWith('/api/v1/party/coverage') ? json(COVERAGE) : json({ items: ORGANISATIONS, page: 1, pageSize: 100, total: 2 })));
    vi.stubGlobal('fetch', fetchMock);
    const wrapper = mount(OrganisationsPanel, { props: { api: new ApiClient(() => 't'), units: [] }, global: { plugins: [ElementPlus, i18n] } });
    await flushPromises();
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/party/coverage', '/api/v1/party/organisations?page=1&pageSize=100']);
    expect(wrapper.find('[data-test="coverage-share"]').text()).toBe('3 个网格中 2 个已建支部（66.7%）');
    const communities = wrapper.findAll('[data-test="coverage-communities"] .el-table__body tr').map((r) => r.findAll('td').map((c) => c.text()));
    expect(communities).toEqual([
      ['文汇社区', '1 / 2', '50%', '王*明'],
      ['新村社区', '1 / 1', '100%', '未明确'],
    ]);
    expect(wrapper.find('[data-test="grids-without-branch"] [data-unit="370502003001002"]').text()).toBe('文汇社区第2网格（370502003001002）');
    expect(wrapper.find('[data-test="branches-without-secretary"]').text()).toContain('新村社区第1网格党支部');
    // The branch nested under its community committee.
    const tree = wrapper.find('[data-test="organisation-tree"]');
    expect(tree.find('[data-organisation="o-1"]').text()).toContain('中共文汇社区委员会 · 党委');
    expect(tree.find('.el-tree-node__children [data-organisation="o-2"]').text()).toContain('文汇社区第1网格党支部 · 党支部');
  });
});
