import type { Api } from '@/shared/api/client';
import type { UnitOverview } from '@/shared/api/types';
import { chinaToday } from '@/shared/time';
import type { HexHotspots } from './map-layers';

export const unitOverview = (api: Api, code: string) => api.get<UnitOverview>(`/units/${encodeURIComponent(code)}/overview`);

/** The hot spots of the last `days` days (China days, today included) beneath the unit, per H3 cell at resolution 9. */
export function hexHotspots(api: Api, unit: string | undefined, days = 30, now = new Date()): Promise<HexHotspots> {
  const to = chinaToday(now);
  const from = chinaToday(new Date(now.getTime() - (days - 1) * 86_400_000));
  return api.get<HexHotspots>('/analytics/hotspots', { unit, from, to, by: 'hex', resolution: 9 });
}
