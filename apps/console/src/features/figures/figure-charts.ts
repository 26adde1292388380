import type { ChartOption } from '@/shared/charts/chart-option';
import type { HotspotsView, TrendsView } from './figures.types';

export interface SeriesLabels {
  reported: string;
  closed: string;
  appeals: string;
}

/** The trend as a line chart: a bucket per China day (or ISO week), the cases reported and closed and the appeals received. */
export function trendOption(view: TrendsView, labels: SeriesLabels): ChartOption {
  const line = (name: string, data: number[]) => ({ type: 'line' as const, name, data, smooth: true, showSymbol: data.length <= 31 });
  return {
    tooltip: { trigger: 'axis' },
    // Above the plot (top 0, inside grid.top): at ECharts' default place it was drawn over the x axis.
    legend: { top: 0, data: [labels.reported, labels.closed, labels.appeals] },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: view.total.map((p) => p.bucket), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      line(labels.reported, view.total.map((p) => p.reported)),
      line(labels.closed, view.total.map((p) => p.closed)),
      line(labels.appeals, view.total.map((p) => p.appeals)),
    ],
  };
}

/**
 * Hot spots by category as a bar chart: each category's cases reported and appeals received summed over the units
 * beneath, most first, the first `limit` (the answer's spots are category × unit).
 */
export function hotspotOption(view: HotspotsView, labels: Pick<SeriesLabels, 'reported' | 'appeals'>, categoryName: (code: string | null) => string, limit = 10): ChartOption {
  const byCategory = new Map<string | null, { reported: number; appeals: number }>();
  for (const spot of view.spots) {
    const sum = byCategory.get(spot.category) ?? { reported: 0, appeals: 0 };
    sum.reported += spot.reported;
    sum.appeals += spot.appeals;
    byCategory.set(spot.category, sum);
  }
  const top = [...byCategory.entries()]
    .sort(([a, x], [b, y]) => y.reported + y.appeals - (x.reported + x.appeals) || String(a).localeCompare(String(b)))
    .slice(0, limit)
    // Horizontal bars draw bottom-up: the hottest last, so it stands on top.
    .reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.reported, labels.appeals] },
    grid: { left: 110, right: 16, top: 36, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map(([code]) => categoryName(code)) },
    series: [
      { type: 'bar', name: labels.reported, stack: 'all', data: top.map(([, sum]) => sum.reported) },
      { type: 'bar', name: labels.appeals, stack: 'all', data: top.map(([, sum]) => sum.appeals) },
    ],
  };
}
