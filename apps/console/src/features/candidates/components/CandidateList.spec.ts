import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import type { CandidateView } from '../candidates.api';
import CandidateList from './CandidateList.vue';

const ID = '6f1d2c3b-0000-4000-8000-000000000001';
const CANDIDATE: CandidateView = {
  id: ID, streetCode: '370502003', streetName: '文汇街道', unitCode: '370502003001001', unitName: '文汇社区第1网格', categoryCode: 'ENV.GARBAGE', categoryName: '垃圾堆放',
  rule: { categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5, radiusMetres: null, factor: null, baselineWindows: null },
  summary: '文汇社区第1网格 近14天 垃圾堆放 5 起',
  evidence: { incidentIds: ['case-1', 'case-2'], appealIds: ['appeal-1'], trend: [] },
  windowStart: '2026-11-20', status: 'raised', dismissal: null, lift: null, outcome: null, raisedAt: '2026-12-01T08:00:00.000Z',
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

function mountList(answer: (url: string, init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => (url.startsWith('/api/v1/analytics/candidates?') ? json({ items: [CANDIDATE], nextCursor: null }) : answer(url, init)));
  vi.stubGlobal('fetch', fetchMock);
  const wrapper = mount(CandidateList, { props: { api: new ApiClient(() => 't'), mayDecide: true }, global: { plugins: [ElementPlus, i18n], stubs: { RouterLink: RouterLinkStub } }, attachTo: document.body });
  const posts = () => fetchMock.mock.calls.map((call) => call as unknown as [string, RequestInit]).filter(([, init]) => init.method === 'POST');
  return { wrapper, posts };
}

const inBody = (selector: string) => document.body.querySelector<HTMLElement>(selector);
const submitDismiss = () => inBody('[data-test="dismiss-form"]')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
function typeReason(text: string): void {
  const input = inBody('[data-field="reason"] textarea') as HTMLTextAreaElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

describe('CandidateList', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists a raised candidate with its evidence linked to the cases and the appeals', async () => {
    const { wrapper } = mountList(() => json({}));
    await flushPromises();
    expect(wrapper.find(`[data-candidate="${ID}"]`).text()).toContain('文汇社区第1网格 近14天 垃圾堆放 5 起');
    expect(wrapper.findAllComponents(RouterLinkStub).map((link) => link.props('to'))).toEqual(['/cases/case-1', '/cases/case-2', '/hotline/appeals/appeal-1']);
  });

  it('refuses a dismissal without a reason, then sends the reason and shows the candidate dismissed', async () => {
    const { wrapper, posts } = mountList(() => json({ ...CANDIDATE, status: 'dismissed', dismissal: { reason: '已常态化巡查', by: 'street-1', at: '2026-12-02T02:00:00.000Z' } }));
    await flushPromises();
    await wrapper.find('[data-test="dismiss"]').trigger('click');
    await flushPromises();
    submitDismiss();
    await flushPromises();
    expect(posts()).toHaveLength(0);
    const reason = wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === 'reason');
    expect(reason?.props('error')).toBe('请填写忽略原因');
    typeReason('  已常态化巡查 ');
    submitDismiss();
    await flushPromises();
    const [[url, init]] = posts();
    expect(url).toBe(`/api/v1/analytics/candidates/${ID}/dismiss`);
    expect(JSON.parse(init.body as string)).toEqual({ reason: '已常态化巡查' });
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(wrapper.find('[data-test="status"]').text()).toBe('已忽略');
    expect(wrapper.find('[data-test="dismissal"]').text()).toContain('已常态化巡查');
  });

  it('shows the API’s field error on the reason', async () => {
    const { wrapper } = mountList(() => json({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'invalid', code: 'VALIDATION', errors: [{ field: 'reason', reasons: ['reason must be shorter than or equal to 500 characters'] }] }, 400));
    await flushPromises();
    await wrapper.find('[data-test="dismiss"]').trigger('click');
    await flushPromises();
    typeReason('太长');
    submitDismiss();
    await flushPromises();
    const reason = wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === 'reason');
    expect(reason?.props('error')).toBe('reason must be shorter than or equal to 500 characters');
  });

  it('lifts a candidate into a 3+N discussion in one action and shows its outcome', async () => {
    const outcome = { discussionId: 'd-1', status: 'open', tasksTotal: 3, tasksDone: 1, tasksOverdue: 0, closedAt: null, reason: null, at: '2026-12-02T02:00:00.000Z' };
    const { wrapper, posts } = mountList(() => json({ ...CANDIDATE, status: 'lifted', lift: { by: 'street-1', at: '2026-12-02T02:00:00.000Z' }, outcome }));
    await flushPromises();
    await wrapper.find('[data-test="lift"]').trigger('click');
    await flushPromises();
    const [[url]] = posts();
    expect(url).toBe(`/api/v1/analytics/candidates/${ID}/lift`);
    expect(wrapper.find('[data-test="status"]').text()).toBe('已提请');
    expect(wrapper.find('[data-test="outcome"]').text()).toContain('任务 1/3，超期 0');
    expect(wrapper.find('[data-test="lift"]').exists()).toBe(false);
  });
});
