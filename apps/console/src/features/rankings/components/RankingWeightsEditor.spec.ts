import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import type { RankingWeightsView } from '../rankings.api';
import RankingWeightsEditor from './RankingWeightsEditor.vue';
import RankingsScreen from './RankingsScreen.vue';

const STREET = '370502003';
const WEIGHTS: RankingWeightsView = {
  street: STREET, streetName: '东城街道', source: 'default', weights: { onTime: 0.3, resolution: 0.3, satisfaction: 0.2, rework: 0.2 },
  normalised: { onTime: 0.3, resolution: 0.3, satisfaction: 0.2, rework: 0.2 }, updatedBy: null, updatedAt: null,
};
const SET: RankingWeightsView = { ...WEIGHTS, source: 'street', weights: { onTime: 2, resolution: 1, satisfaction: 1, rework: 0 }, normalised: { onTime: 0.5, resolution: 0.25, satisfaction: 0.25, rework: 0 }, updatedBy: 'street-1', updatedAt: '2026-12-02T02:00:00.000Z' };
const ALL_ZERO = {
  type: 'about:blank', title: 'Bad Request', status: 400, detail: 'onTime, resolution, satisfaction, rework must not all be zero', code: 'ANALYTICS_INVALID',
  errors: ['onTime', 'resolution', 'satisfaction', 'rework'].map((field) => ({ field, reasons: ['must not be zero when every other weight is zero'] })),
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
type Call = [string, RequestInit];

function stubFetch(put: () => Response) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    if (init.method === 'PUT') return put();
    if (url.startsWith('/api/v1/analytics/ranking-weights')) return json(WEIGHTS);
    if (url.startsWith('/api/v1/analytics/rankings')) return json({ unit: { code: STREET, name: '东城街道', level: 'street' }, level: 'community', current: { from: '2026-12-01', to: '2026-12-31' }, previous: { from: '2026-11-01', to: '2026-11-30' }, weights: WEIGHTS, ranked: 0, rows: [] });
    return json({ items: [], page: 1, pageSize: 100, total: 0 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const calls = (method: string, path: string) => fetchMock.mock.calls.map((call) => call as unknown as Call).filter(([url, init]) => (init.method ?? 'GET') === method && url.startsWith(path));
  return calls;
}

const itemOf = (wrapper: ReturnType<typeof mount>, field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field);
async function typeWeight(wrapper: ReturnType<typeof mount>, part: string, value: string): Promise<void> {
  const input = wrapper.find(`[data-field="${part}"] input`);
  await input.setValue(value);
  await input.trigger('change');
}

describe('RankingWeightsEditor', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("shows the street's weights and sends the four weights set to PUT /analytics/ranking-weights for that street", async () => {
    const calls = stubFetch(() => json(SET));
    const wrapper = mount(RankingWeightsEditor, { props: { api: new ApiClient(() => 't'), street: STREET }, global: { plugins: [ElementPlus, i18n] } });
    await flushPromises();
    expect(calls('GET', '/api/v1/analytics/ranking-weights')[0][0]).toBe(`/api/v1/analytics/ranking-weights?street=${STREET}`);
    expect(wrapper.find('[data-test="weights-source"]').text()).toContain('默认权重');
    expect((wrapper.find('[data-field="onTime"] input').element as HTMLInputElement).value).toBe('0.3');
    for (const [part, value] of [['onTime', '2'], ['resolution', '1'], ['satisfaction', '1'], ['rework', '0']]) await typeWeight(wrapper, part, value);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [[url, init]] = calls('PUT', '/api/v1/analytics/ranking-weights');
    expect(url).toBe(`/api/v1/analytics/ranking-weights?street=${STREET}`);
    expect(JSON.parse(init.body as string)).toEqual({ onTime: 2, resolution: 1, satisfaction: 1, rework: 0 });
    expect(wrapper.emitted('saved')).toEqual([[SET]]);
    expect(wrapper.find('[data-test="weights-source"]').text()).toContain('本街道设置');
    expect(wrapper.find('[data-normalised="onTime"]').text()).toBe('占 50%');
  });

  it("puts the API's 400 for all-zero weights on each weight's field and saves nothing", async () => {
    stubFetch(() => json(ALL_ZERO, 400));
    const wrapper = mount(RankingWeightsEditor, { props: { api: new ApiClient(() => 't'), street: STREET }, global: { plugins: [ElementPlus, i18n] } });
    await flushPromises();
    for (const part of ['onTime', 'resolution', 'satisfaction', 'rework']) await typeWeight(wrapper, part, '0');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(itemOf(wrapper, 'onTime')?.props('error')).toBe('must not be zero when every other weight is zero');
    expect(itemOf(wrapper, 'rework')?.props('error')).toBe('must not be zero when every other weight is zero');
    expect(wrapper.find('[data-test="weights-error"]').exists()).toBe(false);
    expect(wrapper.emitted('saved')).toBeUndefined();
  });
});

describe('RankingsScreen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const mountScreen = (mayKeepWeights: boolean) =>
    mount(RankingsScreen, { props: { api: new ApiClient(() => 't'), mayKeepWeights }, global: { plugins: [ElementPlus, i18n], stubs: { PeriodPicker: true, ExportButtons: true } } });

  it('offers the weights of the ranking’s street to who may set them, and asks the ranking again once they are saved', async () => {
    const calls = stubFetch(() => json(SET));
    const wrapper = mountScreen(true);
    await flushPromises();
    expect(calls('GET', '/api/v1/analytics/ranking-weights')[0][0]).toBe(`/api/v1/analytics/ranking-weights?street=${STREET}`);
    const before = calls('GET', '/api/v1/analytics/rankings?').length;
    await wrapper.find('[data-test="weights-form"]').trigger('submit');
    await flushPromises();
    expect(calls('PUT', '/api/v1/analytics/ranking-weights')).toHaveLength(1);
    expect(calls('GET', '/api/v1/analytics/rankings?')).toHaveLength(before + 1);
  });

  it('shows no weights editor, and asks no weights, to a role that may not set them', async () => {
    const calls = stubFetch(() => json(SET));
    const wrapper = mountScreen(false);
    await flushPromises();
    expect(wrapper.find('[data-test="rankings-error"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="weights-editor"]').exists()).toBe(false);
    expect(calls('GET', '/api/v1/analytics/ranking-weights')).toHaveLength(0);
  });
});
