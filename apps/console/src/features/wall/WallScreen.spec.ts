import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import WallScreen from './WallScreen.vue';

const zero = { numerator: 0, denominator: 0, rate: null };
const period = (reported: number, handle: { numerator: number; denominator: number; rate: number | null }) => ({
  kind: 'month', from: '2026-12-01', to: '2026-12-31',
  cases: {
    reported, accepted: 0, rejected: 0, closed: 0, open: 0, overdue: 0, onTime: { accept: zero, dispatch: zero, sign: zero, handle, verify: zero },
    warnings: 0, yellowCards: 0, redCards: 0, returnRate: zero, reworkRate: zero, extensionRate: zero, handlingHours: { cases: 0, mean: null, p90: null }, evaluations: { count: 0, meanRating: null, satisfied: zero },
  },
  appeals: { received: 0, appeals: 0, responseRate: zero, resolutionRate: zero, satisfactionRate: zero, onTimeRate: zero, returnRate: zero, reopenRate: zero, extensionRate: zero },
});
const red = { id: 'case-red', workOrder: 'GD-1', title: '井盖缺失', status: 'dispatched', gridCode: 'g1', gridName: '第1网格', dueAt: null, supervision: { card: 'red' } };
const yellow = { ...red, id: 'case-yellow', supervision: { card: 'yellow' } };

function answer(url: string): unknown {
  const path = url.split('?')[0];
  if (path === '/api/v1/categories') return [];
  if (path === '/api/v1/analytics/figures') return { scope: { kind: 'unit', code: '370502003', name: '文汇街道', level: 'street' }, current: period(7, { numerator: 3, denominator: 4, rate: 0.75 }), previous: period(5, zero) };
  if (path === '/api/v1/incidents') return { items: [red, yellow], nextCursor: null };
  // Trends, hot spots and the league refused: the wall shows what it has.
  return { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no', code: 'NOT_FOUND' };
}

describe('WallScreen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows this month's headline figures beside last month's and the open red cards, and refreshes on its interval", async () => {
    const fetchMock = vi.fn(async (url: string) => {
      const body = answer(url);
      const status = (body as { status?: number }).status ?? 200;
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    const wrapper = mount(WallScreen, { props: { api: new ApiClient(() => 't'), refreshMs: 50 }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub, EChart: true } } });
    await flushPromises();
    expect(wrapper.find('[data-stat="cases_reported"]').text()).toBe('上报事件7上期 5');
    expect(wrapper.find('[data-stat="cases_onTime_handle"] .value').text()).toBe('75.0%');
    expect(wrapper.findAll('[data-red-card]').map((li) => li.attributes('data-red-card'))).toEqual(['case-red']);
    const figuresAsked = () => fetchMock.mock.calls.filter((call) => (call as unknown as [string])[0].startsWith('/api/v1/analytics/figures')).length;
    await vi.waitFor(() => expect(figuresAsked()).toBeGreaterThanOrEqual(2));
    wrapper.unmount();
  });
});
