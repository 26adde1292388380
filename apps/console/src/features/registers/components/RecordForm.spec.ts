import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import { idempotencyKeys } from '@/shared/api/idempotency';
import { CREATE_FIELDS, EDIT_FIELDS, createRecord, updateRecord } from '../registers.api';
import RecordForm from './RecordForm.vue';

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const GRID = { code: '370502003001001', name: '文汇社区第1网格', level: 'grid', kind: null, parentCode: '370502003001', boundary: null, active: true };

function stubFetch(answer: () => Response) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => answer());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const itemOf = (wrapper: ReturnType<typeof mount>, field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field);

describe('RecordForm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it("creates a resident with an Idempotency-Key and puts the problem+json answer's field errors on their fields", async () => {
    const problem = {
      type: 'x', title: 'Bad Request', status: 400, detail: 'Invalid input', code: 'VALIDATION_FAILED',
      errors: [{ field: 'idNumber', reasons: ['idNumber must be a valid resident ID number'] }, { field: 'phone', reasons: ['phone must be a mainland mobile'] }],
    };
    const fetchMock = stubFetch(() => json(problem, 400, 'application/problem+json'));
    const api = new ApiClient(() => 't');
    const keyFor = idempotencyKeys();
    const wrapper = mount(RecordForm, {
      props: { fields: CREATE_FIELDS.residents, units: [GRID], send: (body: Record<string, unknown>) => createRecord(api, 'residents', body, keyFor(body)), formTest: 'create-form' },
      global: { plugins: [ElementPlus, i18n] },
    });
    (wrapper.vm as unknown as { $: { setupState: { values: Record<string, unknown> } } }).$.setupState.values.gridCode = GRID.code;
    await wrapper.find('[data-field="name"] input').setValue('张三');
    await wrapper.find('[data-field="idNumber"] input').setValue('370502194503021239');
    await wrapper.find('[data-field="phone"] input').setValue('12345');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls[0];
    expect([url, init.method]).toEqual(['/api/v1/residents', 'POST']);
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(init.body as string)).toEqual({ gridCode: GRID.code, name: '张三', idNumber: '370502194503021239', phone: '12345', tags: [] });
    expect(itemOf(wrapper, 'idNumber')?.props('error')).toBe('idNumber must be a valid resident ID number');
    expect(itemOf(wrapper, 'phone')?.props('error')).toBe('phone must be a mainland mobile');
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);
    expect(wrapper.emitted('done')).toBeUndefined();
  });

  it("edits exactly the API's update fields, never filling a masked phone in", async () => {
    const fetchMock = stubFetch(() => json({ id: 'r-1' }));
    const api = new ApiClient(() => 't');
    const wrapper = mount(RecordForm, {
      props: { fields: EDIT_FIELDS.residents, units: [], initial: { id: 'r-1', name: '张三', phone: '138****1234', tags: ['veteran'], householdId: null, idNumber: '370502********1234' }, send: (body: Record<string, unknown>) => updateRecord(api, 'residents', 'r-1', body), formTest: 'edit-form' },
      global: { plugins: [ElementPlus, i18n] },
    });
    expect((wrapper.find('[data-field="phone"] input').element as HTMLInputElement).value).toBe('');
    await wrapper.find('[data-field="name"] input').setValue('张三丰');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls[0];
    expect([url, init.method]).toEqual(['/api/v1/residents/r-1', 'PATCH']);
    expect(JSON.parse(init.body as string)).toEqual({ name: '张三丰', tags: ['veteran'] });
    expect(wrapper.emitted('done')?.[0]).toEqual([{ id: 'r-1' }]);
  });

  it("names a household's head from its members", async () => {
    const fetchMock = stubFetch(() => json({ id: 'h-1' }));
    const api = new ApiClient(() => 't');
    const members = [{ id: 'r-1', name: '张三', idNumber: '370502********1234' }, { id: 'r-2', name: '李四', idNumber: '370502********5678' }];
    const wrapper = mount(RecordForm, {
      props: { fields: EDIT_FIELDS.households, units: [], members, initial: { id: 'h-1', headResidentId: null }, send: (body: Record<string, unknown>) => updateRecord(api, 'households', 'h-1', body), formTest: 'edit-form' },
      global: { plugins: [ElementPlus, i18n] },
      attachTo: document.body,
    });
    await wrapper.find('[data-field="headResidentId"] .el-select__wrapper').trigger('click');
    await flushPromises();
    const options = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')];
    expect(options.map((o) => o.textContent?.trim())).toEqual(['张三（370502********1234）', '李四（370502********5678）']);
    options[1].click();
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls[0];
    expect([url, init.method, JSON.parse(init.body as string)]).toEqual(['/api/v1/households/h-1', 'PATCH', { headResidentId: 'r-2' }]);
  });
});
