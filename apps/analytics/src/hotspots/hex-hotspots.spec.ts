import { latLngToCell } from 'h3-js';
import { hexHotspotCells } from './hex-hotspots';

const A = latLngToCell(36.0671, 120.3826, 8);
const B = latLngToCell(36.09, 120.41, 8);

describe(hexHotspotCells.name, () => {
  it('sums each cell’s categories, most first, and the cells most first with their centre and outline', () => {
    const { cells, unlocated } = hexHotspotCells([
      { cell: B, category: 'ROAD', reported: 2, appeals: 0 },
      { cell: A, category: 'WATER', reported: 1, appeals: 0 },
      { cell: A, category: 'ROAD', reported: 1, appeals: 0 },
      { cell: A, category: 'ENV', reported: 2, appeals: 0 },
    ]);
    expect(unlocated).toBe(0);
    expect(cells.map((c) => [c.cell, c.reported, c.categories])).toEqual([
      [A, 4, [{ category: 'ENV', reported: 2, appeals: 0 }, { category: 'ROAD', reported: 1, appeals: 0 }, { category: 'WATER', reported: 1, appeals: 0 }]],
      [B, 2, [{ category: 'ROAD', reported: 2, appeals: 0 }]],
    ]);
    expect(latLngToCell(cells[0].lat, cells[0].lng, 8)).toBe(A);
    expect(cells[0].boundary.coordinates[0]).toHaveLength(7);
  });

  it('counts the cases without a location apart, in no cell', () => {
    expect(hexHotspotCells([{ cell: null, category: 'ROAD', reported: 3, appeals: 0 }, { cell: null, category: 'ENV', reported: 1, appeals: 0 }, { cell: A, category: 'ROAD', reported: 1, appeals: 0 }])).toMatchObject({
      unlocated: 4,
      cells: [{ cell: A, reported: 1, appeals: 0 }],
    });
    expect(hexHotspotCells([])).toEqual({ cells: [], unlocated: 0, unlocatedAppeals: 0 });
  });

  it('counts the appeals beside the cases: a cell, its categories and the unlocated; most of both together first', () => {
    const { cells, unlocated, unlocatedAppeals } = hexHotspotCells([
      { cell: A, category: 'ROAD', reported: 2, appeals: 0 },
      { cell: B, category: 'ROAD', reported: 1, appeals: 2 },
      { cell: B, category: null, reported: 0, appeals: 1 },
      { cell: B, category: 'ENV', reported: 0, appeals: 4 },
      { cell: null, category: 'ROAD', reported: 1, appeals: 3 },
    ]);
    expect({ unlocated, unlocatedAppeals }).toEqual({ unlocated: 1, unlocatedAppeals: 3 });
    expect(cells.map((c) => [c.cell, c.reported, c.appeals, c.categories])).toEqual([
      [B, 1, 7, [{ category: 'ENV', reported: 0, appeals: 4 }, { category: 'ROAD', reported: 1, appeals: 2 }, { category: null, reported: 0, appeals: 1 }]],
      [A, 2, 0, [{ category: 'ROAD', reported: 2, appeals: 0 }]],
    ]);
  });

  it('orders cells of equal counts by their id', () => {
    const { cells } = hexHotspotCells([{ cell: B, category: 'ROAD', reported: 1, appeals: 0 }, { cell: A, category: 'ROAD', reported: 1, appeals: 0 }]);
    expect(cells.map((c) => c.cell)).toEqual([A, B].sort());
  });
});
