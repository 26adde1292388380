import type { HexHotspotView } from '@gridline/contracts-analytics';
import { hexCellShape } from './hex-cells';

/** The cases of a category in an H3 cell, as the repository counts them (cell null: the cases without a location). */
export interface HexCount {
  cell: string | null;
  category: string;
  reported: number;
}

/**
 * The map's cells from the counts per cell and category: each cell with its centre, its outline and its cases per
 * category (most first, ties by code), the cells most first (ties by id); the cases without a location apart.
 */
export function hexHotspotCells(counts: readonly HexCount[]): { cells: HexHotspotView[]; unlocated: number } {
  let unlocated = 0;
  const byCell = new Map<string, { category: string; reported: number }[]>();
  for (const { cell, category, reported } of counts) {
    if (cell === null) {
      unlocated += reported;
      continue;
    }
    const categories = byCell.get(cell) ?? [];
    categories.push({ category, reported });
    byCell.set(cell, categories);
  }
  const cells = [...byCell].map(([cell, categories]) => ({
    ...hexCellShape(cell),
    reported: categories.reduce((sum, c) => sum + c.reported, 0),
    categories: categories.sort((a, b) => b.reported - a.reported || a.category.localeCompare(b.category)),
  }));
  cells.sort((a, b) => b.reported - a.reported || a.cell.localeCompare(b.cell));
  return { cells, unlocated };
}
