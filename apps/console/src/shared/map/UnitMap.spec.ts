import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import L from 'leaflet';
import type { UnitView } from '@/shared/api/types';
import UnitMap from './UnitMap.vue';

const GRID: UnitView = {
  code: '370502003001001', name: '文汇社区第1网格', level: 'grid', kind: null, parentCode: '370502003001', active: true,
  boundary: { type: 'Polygon', coordinates: [[[118.5, 37.4], [118.51, 37.4], [118.51, 37.41], [118.5, 37.41], [118.5, 37.4]]] },
};

describe('UnitMap', () => {
  it('emits the point of a click on the Leaflet map and shows the point given as a marker', async () => {
    const wrapper = mount(UnitMap, { props: { units: [GRID], point: null }, attachTo: document.body });
    await nextTick();
    const map = (wrapper.vm as unknown as { map: L.Map }).map;
    map.fire('click', { latlng: L.latLng(37.405, 118.505) });
    expect(wrapper.emitted('pick')?.[0]).toEqual([{ lat: 37.405, lng: 118.505 }]);
    expect(wrapper.attributes('data-grids')).toBe('1');

    await wrapper.setProps({ point: { lat: 37.405, lng: 118.505 } });
    await nextTick();
    const markers: L.CircleMarker[] = [];
    map.eachLayer((layer) => layer instanceof L.CircleMarker && markers.push(layer));
    expect(markers.map((m) => m.getLatLng())).toEqual([L.latLng(37.405, 118.505)]);
    wrapper.unmount();
  });
});
