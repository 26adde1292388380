import type { Api } from './client';
import type { CategoryTree, OffsetPage, UnitView } from './types';

/** Every item of a list the API pages, page by page (`fetchPage(page)`), until its total is read. */
export async function allPages<T>(fetchPage: (page: number) => Promise<OffsetPage<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await fetchPage(page);
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}

/** Every unit in the caller's scope (the registry pages at most 100). */
export const allUnits = (api: Api): Promise<UnitView[]> => allPages((page) => api.get<OffsetPage<UnitView>>('/units', { page, pageSize: 100 }));

/** The responsibility list's category tree: major categories with their minor ones (GET /categories). */
export const categoryTree = (api: Api) => api.get<CategoryTree[]>('/categories');

export function isGrid(unit: Pick<UnitView, 'level'>): boolean {
  return unit.level === 'grid' || unit.level === 'exclusive_grid';
}
