import fc from 'fast-check';
import { getResolution, isValidCell, latLngToCell } from 'h3-js';
import { hexCells, hexCellShape, hexColumn } from './hex-cells';

// A spot in the demo street (Qingdao, WGS 84).
const SPOT = { lat: 36.0671, lng: 120.3826 };
const lat = fc.double({ min: -90, max: 90, noNaN: true });
const lng = fc.double({ min: -180, max: 180, noNaN: true });

describe('hexCells', () => {
  it('gives the H3 cells of a spot at resolutions 7, 8 and 9, as h3 computes them from the WGS 84 coordinates', () => {
    expect(hexCells(SPOT.lat, SPOT.lng)).toEqual({
      h3r7: latLngToCell(SPOT.lat, SPOT.lng, 7),
      h3r8: latLngToCell(SPOT.lat, SPOT.lng, 8),
      h3r9: latLngToCell(SPOT.lat, SPOT.lng, 9),
    });
    expect(hexCells(SPOT.lat, SPOT.lng).h3r8).toBe('8830acc9b5fffff');
  });

  // H3 is not exactly nested (a res-9 cell's parent may not be the res-8 cell of the same spot): each is computed.
  it('gives for any spot on the globe a valid cell of each resolution, each the cell of the spot at that resolution', () => {
    fc.assert(
      fc.property(lat, lng, (a, b) => {
        const cells = hexCells(a, b);
        return ([7, 8, 9] as const).every((r) => {
          const cell = cells[`h3r${r}`] as string;
          return isValidCell(cell) && getResolution(cell) === r && cell === latLngToCell(a, b, r);
        });
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it.each([
    [null, null],
    [SPOT.lat, null],
    [null, SPOT.lng],
    [undefined, undefined],
    [Number.NaN, SPOT.lng],
    [SPOT.lat, Number.POSITIVE_INFINITY],
    [90.5, SPOT.lng],
    [SPOT.lat, -180.01],
  ])('places no spot at (%p, %p): every cell null, so the case counts as unlocated', (a, b) => {
    expect(hexCells(a, b)).toEqual({ h3r7: null, h3r8: null, h3r9: null });
  });
});

describe('hexCellShape', () => {
  it('gives the centre of the cell and its boundary as a closed GeoJSON ring of [lng, lat] around it', () => {
    const cell = hexCells(SPOT.lat, SPOT.lng).h3r9 as string;
    const shape = hexCellShape(cell);
    expect(shape.cell).toBe(cell);
    expect(latLngToCell(shape.lat, shape.lng, 9)).toBe(cell);
    const ring = shape.boundary.coordinates[0];
    expect(shape.boundary.type).toBe('Polygon');
    expect(ring).toHaveLength(7); // a hexagon's six corners and the first again
    expect(ring[0]).toEqual(ring[6]);
    for (const [x, y] of ring) {
      expect(Math.abs(x - shape.lng)).toBeLessThan(0.01);
      expect(Math.abs(y - shape.lat)).toBeLessThan(0.01);
    }
  });

  it('refuses what is not an H3 cell', () => {
    expect(isValidCell('not-a-cell')).toBe(false);
    expect(() => hexCellShape('not-a-cell')).toThrow('not an H3 cell');
  });
});

describe('hexColumn', () => {
  it('names the column of each resolution and refuses any other', () => {
    expect([7, 8, 9].map((r) => hexColumn(r as 7 | 8 | 9))).toEqual(['h3r7', 'h3r8', 'h3r9']);
    expect(() => hexColumn(10 as 7)).toThrow('H3 resolution 10');
  });
});
