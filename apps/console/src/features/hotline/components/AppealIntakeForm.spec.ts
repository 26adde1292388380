import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import AppealIntakeForm from './AppealIntakeForm.vue';

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const EARLIER = { id: 'a-1', workOrder: '12345-20261201-000001', reason: 'same_caller', status: 'dispatched', categoryCode: 'ENV.GARBAGE', content: '东门垃圾堆放', address: '文汇小区东门', receivedAt: '2026-12-01T02:00:00.000Z' };

function mountForm(answer: (url: string, init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => answer(url, init));
  vi.stubGlobal('fetch', fetchMock);
  const wrapper = mount(AppealIntakeForm, {
    props: { api: new ApiClient(() => 't'), units: [], categories: [] },
    global: { plugins: [ElementPlus, i18n], stubs: { RouterLink: { props: ['to'], template: '<a :href="to"><slot /></a>' } } },
    attachTo: document.body,
  });
  return { wrapper, fetchMock };
}

const calls = (fetchMock: ReturnType<typeof vi.fn>) => fetchMock.mock.calls.map((call) => call[0] as string);
const itemOf = (wrapper: ReturnType<typeof mountForm>['wrapper'], field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field);

describe('AppealIntakeForm', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('looks up the related appeals once the phone is whole and typing pauses, and lists what the API answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { wrapper, fetchMock } = mountForm((url) => json(url.startsWith('/api/v1/appeals/related') ? [EARLIER] : []));
    await wrapper.find('[data-field="caller.phone"] input').setValue('1380546');
    await vi.advanceTimersByTimeAsync(400);
    // A part of a number asks nothing (the API would refuse it).
    expect(fetchMock).not.toHaveBeenCalled();
    await wrapper.find('[data-field="caller.phone"] input').setValue('138 0546 1234');
    // Debounced: nothing asked while the operator types.
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    await flushPromises();
    expect(calls(fetchMock)).toEqual(['/api/v1/appeals/related?phone=13805461234']);
    const listed = wrapper.findAll('[data-test="related"] li');
    expect(listed.map((li) => li.attributes('data-appeal'))).toEqual(['a-1']);
    expect(listed[0].text()).toContain('12345-20261201-000001');
    expect(listed[0].text()).toContain('文汇小区东门');
    expect(listed[0].find('a').attributes('href')).toBe('/hotline/appeals/a-1');
  });

  it('asks again with nothing of the phone once the caller is anonymous, and shows none when nothing is left to look up by', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { wrapper, fetchMock } = mountForm(() => json([EARLIER]));
    await wrapper.find('[data-field="caller.phone"] input').setValue('13805461234');
    await vi.advanceTimersByTimeAsync(400);
    await flushPromises();
    expect(wrapper.findAll('[data-test="related"] li')).toHaveLength(1);
    await wrapper.find('[data-field="caller.anonymous"] .el-switch').trigger('click');
    await vi.advanceTimersByTimeAsync(400);
    await flushPromises();
    expect(calls(fetchMock)).toEqual(['/api/v1/appeals/related?phone=13805461234']);
    expect(wrapper.findAll('[data-test="related"] li')).toHaveLength(0);
  });

  it("puts the problem+json answer's field errors on their fields, nested ones included, and sends the intake with an Idempotency-Key", async () => {
    const problem = {
      type: 'x', title: 'Bad Request', status: 400, detail: 'Invalid input', code: 'VALIDATION',
      errors: [{ field: 'caller.phone', reasons: ['phone must be a mainland mobile or a landline with its area code'] }, { field: 'content', reasons: ['content should not be empty'] }],
    };
    const { wrapper, fetchMock } = mountForm(() => json(problem, 400, 'application/problem+json'));
    await wrapper.find('[data-field="caller.name"] input').setValue('王女士');
    await wrapper.find('[data-field="caller.phone"] input').setValue('12345');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls.find((call) => (call[1] as RequestInit).method === 'POST') as [string, RequestInit];
    expect(url).toBe('/api/v1/appeals');
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(init.body as string)).toEqual({ channel: 'phone', type: 'complaint', content: '', urgency: 'general', caller: { name: '王女士', phone: '12345' } });
    expect(itemOf(wrapper, 'caller.phone')?.props('error')).toBe('phone must be a mainland mobile or a landline with its area code');
    expect(itemOf(wrapper, 'content')?.props('error')).toBe('content should not be empty');
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);
    expect(wrapper.emitted('taken')).toBeUndefined();
  });

  it('emits the appeal the API took', async () => {
    const { wrapper } = mountForm(() => json({ appeal: { id: 'new-appeal' }, related: [] }, 201));
    await wrapper.find('[data-field="content"] textarea').setValue('小区门口垃圾堆放多日无人清理');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('taken')?.[0]).toEqual([expect.objectContaining({ appeal: { id: 'new-appeal' } })]);
  });
});
