import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import type { FiguresPeriodView, FiguresRate } from '../figures.types';
import FiguresDashboard from './FiguresDashboard.vue';

const rate = (numerator: number, denominator: number): FiguresRate => ({ numerator, denominator, rate: denominator ? Math.round((numerator / denominator) * 1000) / 1000 : null });

function periodOf(from: string, to: string, reported: number, handled: FiguresRate): FiguresPeriodView {
  const zero = rate(0, 0);
  return {
    kind: 'month',
    from,
    to,
    cases: {
      reported, accepted: reported, rejected: 0, closed: 0, open: 0, overdue: 0,
      onTime: { accept: zero, dispatch: zero, sign: zero, handle: handled, verify: zero },
      warnings: 0, yellowCards: 0, redCards: 0, returnRate: zero, reworkRate: zero, extensionRate: zero,
      handlingHours: { cases: 0, mean: null, p90: null }, evaluations: { count: 0, meanRating: null, satisfied: zero },
    },
    appeals: { received: 3, appeals: 2, responseRate: zero, resolutionRate: zero, satisfactionRate: zero, onTimeRate: zero, returnRate: zero, reopenRate: zero, extensionRate: zero },
  };
}

const FIGURES = {
  scope: { kind: 'unit', code: '370502003', name: '文汇街道', level: 'street' },
  current: periodOf('2026-11-01', '2026-11-30', 12, rate(8, 10)),
  previous: periodOf('2026-10-01', '2026-10-31', 9, rate(5, 8)),
};
const TRENDS = { unit: '370502003', interval: 'day', from: '2026-11-01', to: '2026-11-30', total: [{ bucket: '2026-11-01', reported: 1, closed: 0, appeals: 2 }], series: [] };
const HOTSPOTS = { unit: '370502003', by: 'category', from: '2026-11-01', to: '2026-11-30', total: 1, appeals: 0, spots: [{ category: 'ENV.GARBAGE', unit: '370502003001', unitName: '文汇社区', reported: 1, appeals: 0 }] };

function answer(url: string): unknown {
  const path = url.split('?')[0];
  if (path === '/api/v1/units') return { items: [{ code: '370502003', name: '文汇街道', level: 'street', kind: null, parentCode: null, boundary: null, active: true }], page: 1, pageSize: 100, total: 1 };
  if (path === '/api/v1/categories') return [];
  if (path === '/api/v1/analytics/figures') return FIGURES;
  if (path === '/api/v1/analytics/trends') return TRENDS;
  if (path === '/api/v1/analytics/hotspots') return HOTSPOTS;
  throw new Error(`unexpected ${url}`);
}

function mountDashboard() {
  const fetchMock = vi.fn(async (url: string) => new Response(JSON.stringify(answer(url)), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  // The canvas is ECharts' business (its option is tested in figure-charts.spec.ts): the chart is stubbed here.
  const wrapper = mount(FiguresDashboard, { props: { api: new ApiClient(() => 't') }, global: { plugins: [ElementPlus, i18n], stubs: { EChart: { props: ['option'], template: '<div class="chart-stub" />' } } } });
  return { wrapper, fetchMock };
}

describe('FiguresDashboard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each figure with the period before beside it, and a rate with its numerator and denominator', async () => {
    const { wrapper, fetchMock } = mountDashboard();
    await flushPromises();
    const urls = fetchMock.mock.calls.map((call) => (call as unknown as [string])[0]);
    expect(urls).toContain('/api/v1/analytics/figures?period=month');
    expect(urls).toContain('/api/v1/analytics/trends?from=2026-11-01&to=2026-11-30&interval=day');
    expect(wrapper.find('[data-test="figures-scope"]').text()).toBe('文汇街道');
    const reported = wrapper.find('[data-figure="cases.reported"]');
    expect(reported.find('th').text()).toBe('上报事件');
    expect(reported.find('[data-cell="current"]').text()).toBe('12');
    expect(reported.find('[data-cell="previous"]').text()).toBe('9');
    const handled = wrapper.find('[data-figure="cases.onTime.handle"]');
    expect(handled.find('[data-cell="current"]').text()).toBe('80.0% 8/10');
    expect(handled.find('[data-cell="previous"]').text()).toBe('62.5% 5/8');
    expect(wrapper.findAll('.chart-stub')).toHaveLength(2);
  });
});
