import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import ActivityForm from './ActivityForm.vue';

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const BRANCH = { id: '7d1f0b6e-3c1a-4f57-9b7e-1d2c3b4a5f60', name: '文汇社区第1网格党支部', level: 'branch' as const, parentId: null, unitCode: '370502003001001', unitName: null, unitActive: true, active: true };
const itemOf = (wrapper: ReturnType<typeof mount>, field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field);

describe('ActivityForm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("schedules an activity with an Idempotency-Key (the same one for a retry) and puts the problem+json field errors on their fields", async () => {
    const problem = {
      type: 'x', title: 'Unprocessable', status: 422, detail: 'Invalid activity', code: 'VALIDATION_FAILED',
      errors: [{ field: 'endsAt', reasons: ['endsAt must be after startsAt'] }, { field: 'address', reasons: ['give a stationId or an address'] }],
    };
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => json(problem, 422, 'application/problem+json'));
    vi.stubGlobal('fetch', fetchMock);
    const wrapper = mount(ActivityForm, { props: { api: new ApiClient(() => 't'), organisations: [BRANCH], stations: [] },
      // The date pickers are set through the form's values (happy-dom re-renders them slowly); stubbed.
      global: { plugins: [ElementPlus, i18n], stubs: { ElDatePicker: true, 'el-date-picker': true } } });
    const values = (wrapper.vm as unknown as { $: { setupState: { values: Record<string, unknown> } } }).$.setupState.values;
    Object.assign(values, { organisationId: BRANCH.id, startsAt: '2026-12-20T11:00:00+08:00', endsAt: '2026-12-20T09:00:00+08:00' });
    await wrapper.find('[data-field="title"] input').setValue('十二月主题党日');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls[0];
    expect([url, init.method]).toEqual(['/api/v1/party/activities', 'POST']);
    const key = (init.headers as Record<string, string>)['Idempotency-Key'];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(init.body as string)).toEqual({
      organisationId: BRANCH.id, kind: 'theme_party_day', title: '十二月主题党日', startsAt: '2026-12-20T11:00:00+08:00', endsAt: '2026-12-20T09:00:00+08:00', capacity: 30, audience: 'organisation', hours: 2,
    });
    expect(itemOf(wrapper, 'endsAt')?.props('error')).toBe('endsAt must be after startsAt');
    expect(itemOf(wrapper, 'address')?.props('error')).toBe('give a stationId or an address');
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);
    expect(wrapper.emitted('done')).toBeUndefined();
    // The same body again keeps its key; a changed body gets another.
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect((fetchMock.mock.calls[1][1].headers as Record<string, string>)['Idempotency-Key']).toBe(key);
    await wrapper.find('[data-field="address"] input').setValue('文汇社区党群服务中心');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect((fetchMock.mock.calls[2][1].headers as Record<string, string>)['Idempotency-Key']).not.toBe(key);
  }, 20_000); // Three sends of an eleven-field form: past Vitest's 5 s default on two cores shared by several helpers.
});
