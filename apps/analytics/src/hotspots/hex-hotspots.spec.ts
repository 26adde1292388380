import { latLngToCell } from 'h3-js';
import { hexHotspotCells } from './hex-hotspots';

const A = latLngToCell(36.0671, 120.3826, 8);
const B = latLngToCell(36.09, 120.41, 8);

describe(hexHotspotCells.name, () => {
  it('sums each cell’s categories, most first, and the cells most first with their centre and outline', () => {
    const { cells, unlocated } = hexHotspotCells([
      { cell: B, category: 'ROAD', reported: 2 },
      { cell: A, category: 'WATER', reported: 1 },
      { cell: A, category: 'ROAD', reported: 1 },
      { cell: A, category: 'ENV', reported: 2 },
    ]);
    expect(unlocated).toBe(0);
    expect(cells.map((c) => [c.cell, c.reported, c.categories])).toEqual([
      [A, 4, [{ category: 'ENV', reported: 2 }, { category: 'ROAD', reported: 1 }, { category: 'WATER', reported: 1 }]],
      [B, 2, [{ category: 'ROAD', reported: 2 }]],
    ]);
    expect(latLngToCell(cells[0].lat, cells[0].lng, 8)).toBe(A);
    expect(cells[0].boundary.coordinates[0]).toHaveLength(7);
  });

  it('counts the cases without a location apart, in no cell', () => {
    expect(hexHotspotCells([{ cell: null, category: 'ROAD', reported: 3 }, { cell: null, category: 'ENV', reported: 1 }, { cell: A, category: 'ROAD', reported: 1 }])).toMatchObject({
      unlocated: 4,
      cells: [{ cell: A, reported: 1 }],
    });
    expect(hexHotspotCells([])).toEqual({ cells: [], unlocated: 0 });
  });

  it('orders cells of equal counts by their id', () => {
    const { cells } = hexHotspotCells([{ cell: B, category: 'ROAD', reported: 1 }, { cell: A, category: 'ROAD', reported: 1 }]);
    expect(cells.map((c) => c.cell)).toEqual([A, B].sort());
  });
});
