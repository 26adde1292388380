import { describe, expect, it } from 'vitest';
import type L from 'leaflet';
import type { CaseView, UnitView } from '@/shared/api/types';
import { caseLayer, hotspotLayer, matchUnits } from './map-layers';

const unit = (code: string, name: string, level: string): UnitView => ({ code, name, level, kind: null, parentCode: null, boundary: null, active: true }) as UnitView;
const UNITS = [unit('370502003', '东城街道', 'street'), unit('370502003001', '文汇社区', 'community'), unit('370502003001001', '文汇社区第1网格', 'grid'), unit('370502003001002', '文汇社区第2网格', 'grid')];

describe('the map layers', () => {
  it('finds units by the beginning of their code or a part of their name, grids first', () => {
    expect(matchUnits(UNITS, '370502003001').map((u) => u.code)).toEqual(['370502003001001', '370502003001002', '370502003001']);
    expect(matchUnits(UNITS, '第2').map((u) => u.code)).toEqual(['370502003001002']);
    expect(matchUnits(UNITS, '  ')).toEqual([]);
    expect(matchUnits(UNITS, '001001x')).toEqual([]);
  });

  it('marks each located open case by state and card, and leaves out the unlocated', () => {
    const at = { lat: 37.405, lng: 118.505 };
    const cases = [
      { id: 'a', status: 'reported', location: at, supervision: { card: 'red' } },
      { id: 'b', status: 'dispatched', location: null, supervision: { card: 'none' } },
    ] as unknown as CaseView[];
    const opened: string[] = [];
    const layers = caseLayer(cases, (c) => c.id, (c) => opened.push(c.id)).getLayers() as L.CircleMarker[];
    expect(layers).toHaveLength(1);
    expect(layers[0].options.className).toBe('case-marker case-reported card-red case-a');
    expect(layers[0].getLatLng()).toMatchObject(at);
    layers[0].fire('click');
    expect(opened).toEqual(['a']);
  });

  it("shades the hot spots' cells by their share of the busiest", () => {
    const ring: [number, number][] = [[118.5, 37.4], [118.501, 37.4], [118.501, 37.401], [118.5, 37.4]];
    const cell = (id: string, reported: number) => ({ cell: id, lat: 37.4, lng: 118.5, boundary: { type: 'Polygon' as const, coordinates: [ring] }, reported, appeals: 0 });
    const group = hotspotLayer({ by: 'hex', from: '2026-11-04', to: '2026-12-03', cells: [cell('c1', 10), cell('c2', 0)] }, (c) => c.cell);
    const opacity = (group.getLayers() as L.GeoJSON[]).map((g) => (g.getLayers()[0] as L.Path).options.fillOpacity);
    expect(opacity.map((o) => Number(o?.toFixed(2)))).toEqual([0.7, 0.15]);
  });
});
