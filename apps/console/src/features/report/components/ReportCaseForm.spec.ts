import { describe, expect, it, vi, afterEach } from 'vitest';
import L from 'leaflet';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import type { CategoryTree, UnitView } from '@/shared/api/types';
import UnitMap from '@/shared/map/UnitMap.vue';
import ReportCaseForm from './ReportCaseForm.vue';

const GRID: UnitView = {
  code: '370502003001001', name: '文汇社区第1网格', level: 'grid', kind: null, parentCode: '370502003001', active: true,
  boundary: { type: 'Polygon', coordinates: [[[118.5, 37.4], [118.51, 37.4], [118.51, 37.41], [118.5, 37.41], [118.5, 37.4]]] },
};
const CATEGORIES = [
  { code: 'ENV', name: '环境卫生', parentCode: null, kind: 'major', active: true, children: [{ code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', kind: 'minor', active: true }] },
] as CategoryTree[];
const PICKED = { lat: 37.405, lng: 118.505 };


function mountForm(answer: Response) {
  const fetchMock = vi.fn(async () => answer);
  vi.stubGlobal('fetch', fetchMock);
  const wrapper = mount(ReportCaseForm, {
    props: { api: new ApiClient(() => 't'), units: [GRID], categories: CATEGORIES, source: 'patrol' },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  });
  return { wrapper, fetchMock };
}

/** A click on the form's Leaflet map at `at` (Leaflet turns a mouse click into this event with its latlng). */
async function clickMap(wrapper: ReturnType<typeof mountForm>['wrapper'], at: { lat: number; lng: number }): Promise<void> {
  const map = (wrapper.findComponent(UnitMap).vm as unknown as { map: L.Map }).map;
  map.fire('click', { latlng: L.latLng(at.lat, at.lng) });
  await flushPromises();
}

const sent = (fetchMock: ReturnType<typeof vi.fn>) => (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
const itemOf = (wrapper: ReturnType<typeof mountForm>['wrapper'], field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field);

describe('ReportCaseForm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('sends the point clicked on the map as location { lat, lng, address }, with an Idempotency-Key, and emits the new case', async () => {
    const { wrapper, fetchMock } = mountForm(new Response(JSON.stringify({ incident: { id: 'new-case' }, replayed: false, possibleDuplicates: [] }), { status: 201, headers: { 'content-type': 'application/json' } }));
    expect(wrapper.find('[data-test="report-map"] path.unit-370502003001001').exists()).toBe(true);
    await clickMap(wrapper, PICKED);
    expect(wrapper.find('[data-test="picked-point"]').text()).toBe('37.405000, 118.505000');
    await wrapper.find('[data-field="title"] input').setValue('东门垃圾堆放');
    await wrapper.find('[data-field="description"] textarea').setValue('东门外绿化带旁堆放建筑垃圾');
    await wrapper.find('[data-field="location.address"] input').setValue('文汇小区东门');
    // The category from the API's tree, picked in the select's list (Element Plus renders it into the body).
    await wrapper.find('[data-field="categoryCode"] .el-select__wrapper').trigger('click');
    await flushPromises();
    const option = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((li) => li.textContent?.includes('垃圾堆放'));
    expect(option).toBeDefined();
    option?.click();
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const request = sent(fetchMock);
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/v1/incidents');
    expect(JSON.parse(request.body as string)).toEqual({
      categoryCode: 'ENV.GARBAGE', title: '东门垃圾堆放', description: '东门外绿化带旁堆放建筑垃圾', urgency: 'normal', source: 'patrol',
      location: { ...PICKED, address: '文汇小区东门' },
    });
    expect((request.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(wrapper.emitted('reported')?.[0]).toEqual([expect.objectContaining({ incident: { id: 'new-case' } })]);
  });

  it('shows the field errors of a problem+json answer on their fields: location on the map, location.address on the address', async () => {
    const problem = {
      type: 'x', title: 'Bad Request', status: 400, detail: 'The request is not valid', code: 'VALIDATION_FAILED',
      errors: [{ field: 'location', reasons: ['is in no grid of the map'] }, { field: 'location.address', reasons: ['should not be empty'] }, { field: 'title', reasons: ['should not be empty'] }],
    };
    const { wrapper } = mountForm(new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } }));
    await clickMap(wrapper, PICKED);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(itemOf(wrapper, 'location')?.props('error')).toBe('is in no grid of the map');
    expect(itemOf(wrapper, 'location.address')?.props('error')).toBe('should not be empty');
    expect(itemOf(wrapper, 'title')?.props('error')).toBe('should not be empty');
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);
    expect(wrapper.emitted('reported')).toBeUndefined();
  });
});
