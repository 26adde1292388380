import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import MemberList from './MemberList.vue';

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const MEMBER = { id: 'm-1', name: '张*', idNumber: '370502********1234', phone: '138****5678', status: 'full', joinedOn: '2015-07-01', organisationId: 'o-2', unitPath: ['370502003', '370502003001'], homeGridCode: '370502003001001', account: null, createdAt: '', updatedAt: '' };

function mountList(answer: (url: string) => Response) {
  const fetchMock = vi.fn(async (url: string) => answer(url));
  vi.stubGlobal('fetch', fetchMock);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(MemberList, { props: { api: new ApiClient(() => 't'), units: [] }, global: { plugins: [ElementPlus, i18n, router] } });
  return { wrapper, fetchMock };
}

describe('MemberList', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it("lists the scope's members with name, ID number and phone masked as the API answers them, a page at a time", async () => {
    const { wrapper, fetchMock } = mountList(() => json({ items: [MEMBER], page: 1, pageSize: 50, total: 51 }));
    await flushPromises();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/party/members?page=1&pageSize=50');
    expect(wrapper.find('[data-test="masked-name"]').text()).toBe('张*');
    expect(wrapper.find('[data-test="masked-idNumber"]').text()).toBe('370502********1234');
    expect(wrapper.find('[data-test="masked-phone"]').text()).toBe('138****5678');
    expect(wrapper.find('[data-test="members"]').text()).toContain('正式党员');
    expect(wrapper.find('a[data-member="m-1"]').attributes('href')).toBe('/party/members/m-1');
    await wrapper.find('[data-test="more"]').trigger('click');
    await flushPromises();
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/party/members?page=2&pageSize=50');
  });

  it('sends the exact phone filter; its refusal shows on the field', async () => {
    const problem = { type: 'x', title: 'Bad Request', status: 400, detail: 'Invalid input', code: 'VALIDATION_FAILED', errors: [{ field: 'phone', reasons: ['phone must be a mainland mobile'] }] };
    const { wrapper, fetchMock } = mountList((url) => (url.includes('phone=') ? json(problem, 400, 'application/problem+json') : json({ items: [MEMBER], page: 1, pageSize: 50, total: 1 })));
    await flushPromises();
    await wrapper.find('[data-field="phone"] input').setValue('12345');
    await wrapper.find('[data-test="member-filters"]').trigger('submit');
    await flushPromises();
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/party/members?phone=12345&page=1&pageSize=50');
    expect(wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === 'phone')?.props('error')).toBe('phone must be a mainland mobile');
  });
});
