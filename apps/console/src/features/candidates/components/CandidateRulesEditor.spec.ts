import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem, ElPopconfirm } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import type { CandidateRulesView } from '../candidates.api';
import CandidateRulesEditor from './CandidateRulesEditor.vue';
import CandidatesScreen from './CandidatesScreen.vue';

const STREET = '370502003';
const stamp = { updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: 'admin-1' };
const DEFAULT: CandidateRulesView = {
  street: STREET, streetName: '东城街道', source: 'default',
  rules: [{ categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5, radiusMetres: null, factor: null, baselineWindows: null, enabled: true, ...stamp }],
};
const OWN: CandidateRulesView = {
  ...DEFAULT, source: 'street',
  rules: [DEFAULT.rules[0], { categoryCode: 'ENV.GARBAGE', kind: 'rise_over_baseline', windowDays: 7, minCount: 3, radiusMetres: null, factor: 2, baselineWindows: 4, enabled: true, ...stamp }],
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
type Call = [string, RequestInit];

function stubFetch(answers: { get: () => CandidateRulesView; put?: () => Response }) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    if (init.method === 'PUT') return (answers.put ?? (() => json(OWN)))();
    if (init.method === 'DELETE') return new Response(null, { status: 204 });
    if (url.startsWith('/api/v1/analytics/candidate-rules')) return json(answers.get());
    return json({ items: [], nextCursor: null });
  });
  vi.stubGlobal('fetch', fetchMock);
  return (method: string, path: string) => fetchMock.mock.calls.map((call) => call as unknown as Call).filter(([url, init]) => (init.method ?? 'GET') === method && url.startsWith(path));
}

const mountEditor = () => mount(CandidateRulesEditor, { props: { api: new ApiClient(() => 't') }, global: { plugins: [ElementPlus, i18n] } });
const itemOf = (wrapper: ReturnType<typeof mount>, field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field);

describe('CandidateRulesEditor', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("edits the street's rules and PUTs the whole set, each kind with only its own settings", async () => {
    const calls = stubFetch({ get: () => DEFAULT });
    const wrapper = mountEditor();
    await flushPromises();
    expect(wrapper.find('[data-test="rules-source"]').text()).toContain('沿用平台默认规则');
    expect(wrapper.find('[data-test="rules-to-default"]').exists()).toBe(false);
    await wrapper.find('[data-test="add-rule"]').trigger('click');
    await wrapper.find('[data-field="rules.1.categoryCode"] input').setValue('ENV.GARBAGE');
    // A rise over the baseline asks its factor and baseline windows; a radius rule would ask its radius instead.
    const kind = (wrapper.vm as unknown as { $: { setupState: { rows: { kind: string; factor: number | null; baselineWindows: number | null; radiusMetres: number | null }[] } } }).$.setupState.rows[1];
    kind.kind = 'within_radius';
    kind.radiusMetres = 300;
    await flushPromises();
    expect(wrapper.find('[data-field="rules.1.radiusMetres"]').exists()).toBe(true);
    Object.assign(kind, { kind: 'rise_over_baseline', factor: 2, baselineWindows: 4 });
    await flushPromises();
    expect(wrapper.find('[data-field="rules.1.radiusMetres"]').exists()).toBe(false);
    expect(wrapper.find('[data-field="rules.1.factor"]').exists()).toBe(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [[url, init]] = calls('PUT', '/api/v1/analytics/candidate-rules');
    expect(url).toBe(`/api/v1/analytics/candidate-rules?street=${STREET}`);
    expect(JSON.parse(init.body as string)).toEqual({
      rules: [
        { categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5, radiusMetres: null, factor: null, baselineWindows: null, enabled: true },
        { categoryCode: 'ENV.GARBAGE', kind: 'rise_over_baseline', windowDays: 14, minCount: 5, radiusMetres: null, factor: 2, baselineWindows: 4, enabled: true },
      ],
    });
    expect(wrapper.find('[data-test="rules-source"]').text()).toContain('本街道规则');
    expect(wrapper.find('[data-test="rules-to-default"]').exists()).toBe(true);
  });

  it("shows the API's 400 on the named rule's field (rules.1.factor)", async () => {
    const problem = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'invalid', code: 'ANALYTICS_INVALID', errors: [{ field: 'rules.1.factor', reasons: ['factor must not be less than 1'] }] };
    stubFetch({ get: () => OWN, put: () => json(problem, 400) });
    const wrapper = mountEditor();
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(itemOf(wrapper, 'rules.1.factor')?.props('error')).toBe('factor must not be less than 1');
    expect(itemOf(wrapper, 'rules.0.windowDays')?.props('error')).toBeFalsy();
    expect(wrapper.find('[data-test="rules-error"]').exists()).toBe(false);
  });

  it("returns the street to the platform default with DELETE and shows the default's rules", async () => {
    let answer = OWN;
    const calls = stubFetch({ get: () => answer });
    const wrapper = mountEditor();
    await flushPromises();
    expect(wrapper.findAll('[data-rule]')).toHaveLength(2);
    answer = DEFAULT;
    wrapper.findComponent(ElPopconfirm).vm.$emit('confirm', new MouseEvent('click'));
    await flushPromises();
    expect(calls('DELETE', '/api/v1/analytics/candidate-rules').map(([url]) => url)).toEqual([`/api/v1/analytics/candidate-rules?street=${STREET}`]);
    expect(wrapper.findAll('[data-rule]')).toHaveLength(1);
    expect(wrapper.find('[data-test="rules-source"]').text()).toContain('沿用平台默认规则');
  });
});

describe('CandidatesScreen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the rules to who decides on candidates, and neither shows nor asks them for anyone else', async () => {
    const calls = stubFetch({ get: () => DEFAULT });
    const mountScreen = (mayDecide: boolean) => mount(CandidatesScreen, { props: { api: new ApiClient(() => 't'), mayDecide }, global: { plugins: [ElementPlus, i18n], stubs: { RouterLink: true } } });
    const reader = mountScreen(false);
    await flushPromises();
    expect(reader.find('[data-test="rules-editor"]').exists()).toBe(false);
    expect(calls('GET', '/api/v1/analytics/candidate-rules')).toHaveLength(0);
    const decider = mountScreen(true);
    await flushPromises();
    expect(decider.find('[data-test="rules-editor"]').exists()).toBe(true);
    expect(calls('GET', '/api/v1/analytics/candidate-rules')).toHaveLength(1);
  });
});
