import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import StationForm from './StationForm.vue';
import StationList from './StationList.vue';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
const BRANCH = { id: '7d1f0b6e-3c1a-4f57-9b7e-1d2c3b4a5f60', name: '文汇社区第1网格党支部', level: 'branch', parentId: null, unitCode: '370502003001001', unitName: null, unitActive: true, active: true };
const GRID = { code: '370502003001001', name: '文汇社区第1网格', level: 'grid', kind: null, parentCode: '370502003001', boundary: null, active: true };
const POINT = { lat: 37.405, lng: 118.505 };
// The map is the shared MapPointField (its Leaflet click has its own spec): a stub that picks POINT and shows the field's error.
const MapPointField = { props: ['modelValue', 'error'], emits: ['update:modelValue'], template: `<button type="button" data-test="pick" @click="$emit('update:modelValue', ${JSON.stringify(POINT).replace(/"/g, "'")})">{{ error }}</button>` };

describe('StationForm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens a station at the point picked with its periods, contact and functions, and puts a period’s error on that period’s field', async () => {
    const problem = { type: 'x', title: 'Bad Request', status: 400, detail: 'invalid', code: 'VALIDATION_FAILED', errors: [{ field: 'openingHours.1.closes', reasons: ['closes must be after opens'] }, { field: 'location', reasons: ['must lie in a grid of your scope'] }] };
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => (init.method === 'POST' ? json(problem, 400) : json({ items: [BRANCH], page: 1, pageSize: 100, total: 1 })));
    vi.stubGlobal('fetch', fetchMock);
    const wrapper = mount(StationForm, { props: { api: new ApiClient(() => 't'), units: [GRID] }, global: { plugins: [ElementPlus, i18n], stubs: { MapPointField } } });
    await flushPromises();
    const state = (wrapper.vm as unknown as { $: { setupState: { values: Record<string, unknown> } } }).$.setupState;
    Object.assign(state.values, { organisationId: BRANCH.id, functions: ['consultation', 'activities'] });
    await wrapper.find('[data-field="name"] input').setValue('文汇红色驿站');
    await wrapper.find('[data-test="pick"]').trigger('click');
    await wrapper.find('[data-test="add-period"]').trigger('click');
    await wrapper.find('[data-field="openingHours.1.closes"] input').setValue('08:00');
    await wrapper.find('[data-field="contact.post"] input').setValue('驿站站长');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i.method === 'POST') as [string, RequestInit];
    expect(url).toBe('/api/v1/party/stations');
    expect(JSON.parse(init.body as string)).toEqual({
      name: '文汇红色驿站', location: POINT, organisationId: BRANCH.id, contact: { post: '驿站站长' }, functions: ['consultation', 'activities'],
      openingHours: [{ day: 'mon', opens: '08:30', closes: '17:30' }, { day: 'mon', opens: '08:30', closes: '08:00' }],
    });
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    const itemOf = (field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field);
    expect(itemOf('openingHours.1.closes')?.props('error')).toBe('closes must be after opens');
    expect(itemOf('openingHours.0.closes')?.props('error')).toBeFalsy();
    expect(wrapper.find('[data-test="pick"]').text()).toBe('must lie in a grid of your scope');
  });

  it('offers the opening to keepers only', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ items: [], page: 1, pageSize: 50, total: 0 })));
    const list = (keeper: boolean) => mount(StationList, { props: { api: new ApiClient(() => 't'), units: [GRID], keeper }, global: { plugins: [ElementPlus, i18n], stubs: { RouterLink: true } } });
    const [reader, keeper] = [list(false), list(true)];
    await flushPromises();
    expect(reader.find('[data-test="create-station"]').exists()).toBe(false);
    expect(keeper.find('[data-test="create-station"]').exists()).toBe(true);
  });
});
