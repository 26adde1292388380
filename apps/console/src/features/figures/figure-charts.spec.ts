import { describe, expect, it } from 'vitest';
import { hotspotOption, trendOption } from './figure-charts';
import type { HotspotsView, TrendsView } from './figures.types';

const labels = { reported: '上报', closed: '办结', appeals: '诉求' };

describe('trendOption', () => {
  it('draws a line per figure over the buckets of the total', () => {
    const view: TrendsView = {
      unit: '370502003', interval: 'day', from: '2026-11-01', to: '2026-11-02', series: [],
      total: [{ bucket: '2026-11-01', reported: 3, closed: 1, appeals: 2 }, { bucket: '2026-11-02', reported: 0, closed: 2, appeals: 0 }],
    };
    const option = trendOption(view, labels);
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['2026-11-01', '2026-11-02'] });
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'line', name: '上报', data: [3, 0] }),
      expect.objectContaining({ type: 'line', name: '办结', data: [1, 2] }),
      expect.objectContaining({ type: 'line', name: '诉求', data: [2, 0] }),
    ]);
  });

  it('puts the legend in the room above the plot, where it covers no axis (both charts)', () => {
    const trend = trendOption({ unit: '370502003', interval: 'day', from: '2026-11-01', to: '2026-11-01', series: [], total: [] }, labels);
    const hotspots = hotspotOption({ unit: '370502003', by: 'category', from: '2026-11-01', to: '2026-11-01', total: 0, appeals: 0, spots: [] }, labels, String);
    for (const option of [trend, hotspots]) {
      expect(option.legend).toMatchObject({ top: 0 });
      expect((option.grid as { top: number }).top).toBeGreaterThanOrEqual(30);
    }
  });
});

describe('hotspotOption', () => {
  it('sums each category over the units beneath, the hottest on top (ties by code), the first ones only', () => {
    const view: HotspotsView = {
      unit: '370502003', by: 'category', from: '2026-11-01', to: '2026-11-30', total: 9, appeals: 3,
      spots: [
        { category: 'ENV.GARBAGE', unit: 'c1', unitName: null, reported: 4, appeals: 0 },
        { category: 'ROAD.HOLE', unit: 'c1', unitName: null, reported: 1, appeals: 1 },
        { category: 'ENV.GARBAGE', unit: 'c2', unitName: null, reported: 2, appeals: 1 },
        { category: null, unit: '370502003', unitName: null, reported: 0, appeals: 1 },
        { category: 'ROAD.LIGHT', unit: 'c2', unitName: null, reported: 2, appeals: 0 },
      ],
    };
    const option = hotspotOption(view, labels, (code) => code ?? '未分类', 3);
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['ROAD.LIGHT', 'ROAD.HOLE', 'ENV.GARBAGE'] });
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'bar', name: '上报', data: [2, 1, 6] }),
      expect.objectContaining({ type: 'bar', name: '诉求', data: [0, 1, 1] }),
    ]);
  });
});
