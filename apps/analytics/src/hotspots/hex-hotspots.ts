import type { HexHotspotView } from '@gridline/contracts-analytics';
import { hexCellShape } from './hex-cells';

/** The cases and appeals of a category in an H3 cell, as the repository counts them (cell null: those without a location). */
export interface HexCount {
  cell: string | null;
  /** Null: appeals not classified yet. */
  category: string | null;
  reported: number;
  appeals: number;
}

type CategoryCount = { category: string | null; reported: number; appeals: number };
const both = (c: { reported: number; appeals: number }) => c.reported + c.appeals;
const byCode = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b));

/**
 * The map's cells from the counts per cell and category: each cell with its centre, its outline and its cases and
 * appeals per category (most of both together first, ties by code), the cells likewise (ties by id); those without
 * a location apart.
 */
export function hexHotspotCells(counts: readonly HexCount[]): { cells: HexHotspotView[]; unlocated: number; unlocatedAppeals: number } {
  let unlocated = 0;
  let unlocatedAppeals = 0;
  const byCell = new Map<string, CategoryCount[]>();
  for (const { cell, category, reported, appeals } of counts) {
    if (cell === null) {
      unlocated += reported;
      unlocatedAppeals += appeals;
      continue;
    }
    const categories = byCell.get(cell) ?? [];
    categories.push({ category, reported, appeals });
    byCell.set(cell, categories);
  }
  const cells = [...byCell].map(([cell, categories]) => ({
    ...hexCellShape(cell),
    reported: categories.reduce((sum, c) => sum + c.reported, 0),
    appeals: categories.reduce((sum, c) => sum + c.appeals, 0),
    categories: categories.sort((a, b) => both(b) - both(a) || byCode(a.category, b.category)),
  }));
  cells.sort((a, b) => both(b) - both(a) || a.cell.localeCompare(b.cell));
  return { cells, unlocated, unlocatedAppeals };
}
