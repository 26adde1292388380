import type { Api } from '@/shared/api/client';
import type { OffsetPage, UnitOverview, UnitView } from '@/shared/api/types';

/** Every unit in the caller's scope, page by page (the registry pages at most 100). */
export async function allUnits(api: Api): Promise<UnitView[]> {
  const units: UnitView[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<OffsetPage<UnitView>>('/units', { page, pageSize: 100 });
    units.push(...answer.items);
    if (units.length >= answer.total || answer.items.length === 0) return units;
  }
}

export const unitOverview = (api: Api, code: string) => api.get<UnitOverview>(`/units/${encodeURIComponent(code)}/overview`);
