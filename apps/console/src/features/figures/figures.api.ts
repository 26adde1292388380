import type { Api } from '@/shared/api/client';
import type { FiguresView, HotspotsView, PeriodQuery, TrendsView } from './figures.types';

/** Who reads the figures, trends, hot spots and rankings (FIGURES_READERS of the gateway; the API decides, this only decides whether the nav shows). */
const READERS = new Set(['admin', 'street_admin', 'community_admin', 'grid_instructor', 'hotline_operator', 'analyst', 'department']);
export const mayReadFigures = (roles: readonly string[] | undefined) => (roles ?? []).some((role) => READERS.has(role));

export const getFigures = (api: Api, unit: string | undefined, period: PeriodQuery) => api.get<FiguresView>('/analytics/figures', { unit, ...period });
/** Trends over China days `from`–`to` (both inclusive): per day, or per ISO week past two months. */
export const getTrends = (api: Api, unit: string | undefined, from: string, to: string) =>
  api.get<TrendsView>('/analytics/trends', { unit, from, to, interval: daysBetween(from, to) > 62 ? 'week' : 'day' });
export const getHotspots = (api: Api, unit: string | undefined, from: string, to: string) => api.get<HotspotsView>('/analytics/hotspots', { unit, from, to, by: 'category' });

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
