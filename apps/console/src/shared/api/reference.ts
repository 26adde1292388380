import type { Api } from './client';
import type { CategoryTree, OffsetPage, UnitView } from './types';

/** Every unit in the caller's scope, page by page (the registry pages at most 100). */
export async function allUnits(api: Api): Promise<UnitView[]> {
  const units: UnitView[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<OffsetPage<UnitView>>('/units', { page, pageSize: 100 });
    units.push(...answer.items);
    if (units.length >= answer.total || answer.items.length === 0) return units;
  }
}

/** The responsibility list's category tree: major categories with their minor ones (GET /categories). */
export const categoryTree = (api: Api) => api.get<CategoryTree[]>('/categories');

export function isGrid(unit: Pick<UnitView, 'level'>): boolean {
  return unit.level === 'grid' || unit.level === 'exclusive_grid';
}
