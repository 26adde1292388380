import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import RecordDetailView from './RecordDetailView.vue';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const CLEAR_ID = '370502194503021234';
const RESIDENT = { id: 'r-1', gridCode: '370502003001001', householdId: null, name: '张三', idNumber: '370502********1234', sex: 'male', birthYear: 1945, phone: '138****1234', tags: [], createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z' };

function mountDetail() {
  const fetchMock = vi.fn(async (url: string) => {
    if (url.startsWith('/api/v1/units')) return json({ items: [], page: 1, pageSize: 100, total: 0 });
    if (url.startsWith('/api/v1/categories')) return json([]);
    if (url.startsWith('/api/v1/residents/r-1/reveal')) return json({ id: 'r-1', name: '张三', idNumber: CLEAR_ID });
    return json(RESIDENT);
  });
  vi.stubGlobal('fetch', fetchMock);
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(RecordDetailView, { props: { register: 'residents', id: 'r-1' }, global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body });
  return { wrapper, fetchMock };
}

const inBody = (selector: string) => document.body.querySelector<HTMLElement>(selector);
const reveals = (fetchMock: ReturnType<typeof vi.fn>) => fetchMock.mock.calls.map((call) => call[0] as string).filter((url) => url.includes('/reveal'));
const submitReveal = () => inBody('[data-test="reveal-form"]')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

describe('RecordDetailView', () => {
  beforeEach(() => {
    // A community grid centre: keeps the registers and may reveal (REGISTER_ACCESS).
    sessionStorage.setItem('gridline.session', JSON.stringify({ sub: 'demo-community', name: '文汇社区网格中心', title: '', roles: ['community_admin'], units: ['370502003001'], token: 't' }));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStorage.clear();
    document.body.innerHTML = '';
  });

  it("reveals a resident's ID number only with a reason: refused without one, asked with it, the clear value in the dialog only", async () => {
    const { wrapper, fetchMock } = mountDetail();
    await flushPromises();
    expect(wrapper.find('[data-test="masked-idNumber"]').text()).toBe('370502********1234');
    expect(wrapper.find('[data-test="masked-phone"]').text()).toBe('138****1234');

    await wrapper.find('[data-test="reveal-idNumber"]').trigger('click');
    await flushPromises();
    submitReveal();
    await flushPromises();
    expect(reveals(fetchMock)).toEqual([]);
    const reason = wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === 'reason');
    expect(reason?.props('error')).toBe('请填写查看原因（将记入审计日志）');

    const input = inBody('[data-field="reason"] input') as HTMLInputElement;
    input.value = '核实低保申请';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    submitReveal();
    await flushPromises();
    expect(reveals(fetchMock)).toEqual([`/api/v1/residents/r-1/reveal?fields=idNumber&reason=${encodeURIComponent('核实低保申请')}`]);
    expect(inBody('[data-test="revealed-idNumber"]')?.textContent).toBe(CLEAR_ID);
    // Only there: the detail itself stays masked.
    expect(document.body.innerHTML.split(CLEAR_ID).length - 1).toBe(1);
    expect(wrapper.find('[data-test="masked-idNumber"]').text()).toBe('370502********1234');
  });
});
