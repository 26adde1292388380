import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import RegisterList from './RegisterList.vue';

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const RESIDENT = { id: 'r-1', gridCode: '370502003001001', householdId: null, name: '张三', idNumber: '370502********1234', sex: 'male', birthYear: 1945, phone: '138****1234', tags: ['elderly_alone'], createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z' };
const UNITS = [{ code: '370502003001', name: '文汇社区', level: 'community', kind: null, parentCode: '370502003', boundary: null, active: true }];

function mountList(answer: (url: string) => Response) {
  const fetchMock = vi.fn(async (url: string) => answer(url));
  vi.stubGlobal('fetch', fetchMock);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(RegisterList, { props: { api: new ApiClient(() => 't'), register: 'residents', units: UNITS }, global: { plugins: [ElementPlus, i18n, router] }, attachTo: document.body });
  return { wrapper, fetchMock };
}

const itemOf = (wrapper: ReturnType<typeof mountList>['wrapper'], field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field);

describe('RegisterList', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists the residents of the scope a page at a time, their ID numbers and phones masked as the API answers them', async () => {
    const { wrapper, fetchMock } = mountList(() => json({ items: [RESIDENT], page: 1, pageSize: 50, total: 51 }));
    await flushPromises();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/residents?page=1&pageSize=50');
    expect(wrapper.find('[data-test="masked-idNumber"]').text()).toBe('370502********1234');
    expect(wrapper.find('[data-test="masked-phone"]').text()).toBe('138****1234');
    expect(wrapper.find('[data-test="records"]').text()).toContain('独居老人');
    expect(wrapper.find(`a[data-record="r-1"]`).attributes('href')).toBe('/registers/residents/r-1');
    // One of 51: the next page on "load more".
    await wrapper.find('[data-test="more"]').trigger('click');
    await flushPromises();
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/residents?page=2&pageSize=50');
  });

  it("filters by a unit of the user's scope and the exact ID number; the API's refusal of a filter shows on its field", async () => {
    const problem = { type: 'x', title: 'Bad Request', status: 400, detail: 'Invalid input', code: 'VALIDATION_FAILED', errors: [{ field: 'idNumber', reasons: ['idNumber must be a valid resident ID number'] }] };
    const { wrapper, fetchMock } = mountList((url) => (url.includes('idNumber=') ? json(problem, 400, 'application/problem+json') : json({ items: [RESIDENT], page: 1, pageSize: 50, total: 1 })));
    await flushPromises();
    (wrapper.vm as unknown as { $: { setupState: { filters: Record<string, string> } } }).$.setupState.filters.unit = '370502003001';
    await wrapper.find('[data-field="idNumber"] input').setValue('370502194503021230');
    await wrapper.find('[data-test="register-filters"]').trigger('submit');
    await flushPromises();
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/residents?unit=370502003001&idNumber=370502194503021230&page=1&pageSize=50');
    expect(itemOf(wrapper, 'idNumber')?.props('error')).toBe('idNumber must be a valid resident ID number');
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);
  });
});
