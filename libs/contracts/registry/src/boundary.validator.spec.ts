import fc from 'fast-check';
import { BOUNDARY_LIMITS, areaOutsideM2, boundaryAreaM2, overlapAreaM2 } from './boundary.rules';
import { boundaryProblem } from './boundary.validator';
import type { Position, UnitBoundary } from './unit.types';

const ring = [
  [118.5, 37.4],
  [118.51, 37.4],
  [118.51, 37.41],
  [118.5, 37.4],
];

/** A closed rectangle ring, south-west corner first, counter-clockwise. */
function rect(lng: number, lat: number, width: number, height = width): Position[] {
  return [
    [lng, lat],
    [lng + width, lat],
    [lng + width, lat + height],
    [lng, lat + height],
    [lng, lat],
  ];
}

const polygon = (...rings: Position[][]): UnitBoundary => ({ type: 'Polygon', coordinates: rings });

describe(boundaryProblem.name, () => {
  it('accepts a closed Polygon, one with a hole and a MultiPolygon of separate parts', () => {
    expect(boundaryProblem({ type: 'Polygon', coordinates: [ring] })).toBeNull();
    expect(boundaryProblem(polygon(rect(118.5, 37.4, 0.01), rect(118.502, 37.402, 0.002)))).toBeNull();
    expect(boundaryProblem({ type: 'MultiPolygon', coordinates: [[rect(118.5, 37.4, 0.01)], [rect(118.52, 37.4, 0.01)]] })).toBeNull();
  });

  it.each([
    [null, 'must be a GeoJSON Polygon or MultiPolygon object'],
    [{ type: 'Point', coordinates: [1, 2] }, 'type must be "Polygon" or "MultiPolygon"'],
    [{ type: 'Polygon', coordinates: [] }, 'coordinates must be a non-empty list of linear rings'],
    [{ type: 'Polygon', coordinates: [ring.slice(0, 3)] }, 'coordinates[0] must be a linear ring of at least 4 positions'],
    [{ type: 'Polygon', coordinates: [[...ring.slice(0, 3), [118.6, 37.5]]] }, 'coordinates[0] must be closed'],
    [{ type: 'Polygon', coordinates: [[[200, 37], [1, 1], [2, 2], [200, 37]]] }, 'coordinates[0][0] is out of range'],
    [{ type: 'Polygon', coordinates: [[['a', 37], [1, 1], [2, 2], ['a', 37]]] }, 'coordinates[0][0] must be a [longitude, latitude] position'],
    [{ type: 'Polygon', coordinates: [[[118.5, 37.4, 12], [118.51, 37.4, 12], [118.51, 37.41, 12], [118.5, 37.4, 12]]] }, 'coordinates[0][0] must be a [longitude, latitude] position: 2-D, no altitude'],
    [{ type: 'Polygon', coordinates: [[[118.5], [118.51, 37.4], [118.51, 37.41], [118.5]]] }, 'coordinates[0][0] must be a [longitude, latitude] position'],
    [{ type: 'MultiPolygon', coordinates: [[ring], []] }, 'coordinates[1] must be a non-empty list of linear rings'],
  ])('explains what is wrong with %j', (value, reason) => {
    expect(boundaryProblem(value)).toContain(reason);
  });

  it('refuses a ring that crosses itself, saying where', () => {
    const bowTie = polygon([
      [118.5, 37.4],
      [118.51, 37.41],
      [118.51, 37.4],
      [118.5, 37.41],
      [118.5, 37.4],
    ]);
    expect(boundaryProblem(bowTie)).toBe('must not cross or touch itself (its rings meet at [118.505, 37.405])');
  });

  it('refuses a spike that goes out and back along itself', () => {
    const spike = polygon([
      [118.5, 37.4],
      [118.51, 37.4],
      [118.52, 37.4],
      [118.51, 37.4],
      [118.51, 37.41],
      [118.5, 37.4],
    ]);
    expect(boundaryProblem(spike)).toMatch(/must not (cross or touch itself|have spikes)/);
  });

  it('refuses a hole outside its shell, a hole crossing it, and parts that overlap', () => {
    expect(boundaryProblem(polygon(rect(118.5, 37.4, 0.01), rect(118.6, 37.4, 0.002)))).toBe('coordinates[1] is a hole and must lie inside its shell coordinates[0]');
    expect(boundaryProblem(polygon(rect(118.5, 37.4, 0.01), rect(118.509, 37.402, 0.002)))).toContain('must not cross or touch itself');
    const nested = { type: 'MultiPolygon', coordinates: [[rect(118.5, 37.4, 0.01)], [rect(118.502, 37.402, 0.002)]] };
    expect(boundaryProblem(nested)).toBe('coordinates[1] lies inside coordinates[0]: the polygons must not overlap');
    const crossing = { type: 'MultiPolygon', coordinates: [[rect(118.5, 37.4, 0.01)], [rect(118.505, 37.405, 0.01)]] };
    expect(boundaryProblem(crossing)).toContain('must not cross or touch itself');
    const identical = { type: 'MultiPolygon', coordinates: [[ring], [ring]] };
    expect(boundaryProblem(identical)).not.toBeNull();
  });

  it('bounds the number of positions and polygons', () => {
    // A circle of 500 positions passes (the full 2,000 take seconds under jest's sandbox, milliseconds in node).
    const circle = (n: number) => Array.from({ length: n }, (_, i) => [118.5 + 0.01 * Math.cos((2 * Math.PI * i) / n), 37.4 + 0.01 * Math.sin((2 * Math.PI * i) / n)] as Position);
    const closed = (positions: Position[]) => polygon([...positions, positions[0]]);
    expect(boundaryProblem(closed(circle(500)))).toBeNull();
    const max = BOUNDARY_LIMITS.maxPositions;
    expect(boundaryProblem(closed(circle(max)))).toBe(`must have at most ${max} positions in all rings together`);
    const twoRings = polygon([...circle(max - 2), circle(max - 2)[0]], rect(118.5, 37.4, 0.001));
    expect(boundaryProblem(twoRings)).toBe(`must have at most ${max} positions in all rings together`);
    const parts = Array.from({ length: BOUNDARY_LIMITS.maxPolygons + 1 }, (_, i) => [rect(118.5 + i * 0.002, 37.4, 0.001)]);
    expect(boundaryProblem({ type: 'MultiPolygon', coordinates: parts })).toBe(`coordinates must hold at most ${BOUNDARY_LIMITS.maxPolygons} polygons`);
  });

  it('bounds the area: nothing degenerate, nothing larger than its level allows', () => {
    const flat = polygon([
      [118.5, 37.4],
      [118.51, 37.4],
      [118.52, 37.4],
      [118.5, 37.4],
    ]);
    expect(boundaryProblem(flat)).not.toBeNull();
    const tiny = polygon(rect(118.5, 37.4, 0.000001));
    expect(boundaryProblem(tiny)).toBe('encloses no area (less than 1 m²)');
    // 0.1° × 0.1° at 37° N is about 98 km²: a community at most, not a grid.
    const large = polygon(rect(118.4, 37.4, 0.1));
    expect(boundaryProblem(large, 'community')).toBeNull();
    expect(boundaryProblem(large, 'grid')).toMatch(/^is 9\d\.\d km², more than the 10 km² allowed for a grid$/);
    expect(boundaryProblem(polygon(rect(100, 30, 1)))).toBe('is 10700 km², more than the 1000 km² allowed for a unit');
  });

  it('accepts any rectangle of a grid size and refuses any bow tie (property)', () => {
    const lng = fc.double({ min: -179, max: 178, noNaN: true });
    const lat = fc.double({ min: -60, max: 60, noNaN: true });
    const size = fc.double({ min: 0.001, max: 0.02, noNaN: true });
    fc.assert(
      fc.property(lng, lat, size, (x, y, s) => {
        expect(boundaryProblem(polygon(rect(x, y, s)), 'grid')).toBeNull();
        const bowTie = polygon([
          [x, y],
          [x + s, y + s],
          [x + s, y],
          [x, y + s],
          [x, y],
        ]);
        expect(boundaryProblem(bowTie, 'grid')).toContain('must not cross or touch itself');
      }),
      { seed: 8, numRuns: 200 },
    );
  });
});

describe('boundary areas', () => {
  const a = polygon(rect(118.5, 37.4, 0.01));
  const east = polygon(rect(118.51, 37.4, 0.01));

  it('finds no overlap between neighbours sharing an edge, even with rounding noise', () => {
    expect(overlapAreaM2(a, east)).toBe(0);
    const noisy = polygon(rect(118.5 + 0.01 - 1e-12, 37.4, 0.01));
    expect(overlapAreaM2(a, noisy)).toBeLessThan(BOUNDARY_LIMITS.toleranceM2);
  });

  it('measures the overlap and the part outside a parent in square metres', () => {
    const half = polygon(rect(118.505, 37.4, 0.01));
    expect(overlapAreaM2(a, half)).toBeCloseTo(boundaryAreaM2(a) / 2, -1);
    expect(areaOutsideM2(half, a)).toBeCloseTo(boundaryAreaM2(a) / 2, -1);
    expect(areaOutsideM2(polygon(rect(118.502, 37.402, 0.002)), a)).toBe(0);
    // 1 µ° beyond the edge over 0.01°: about 98 m² outside, well above the tolerance.
    expect(areaOutsideM2(polygon(rect(118.5, 37.4, 0.010001, 0.01)), a)).toBeGreaterThan(BOUNDARY_LIMITS.toleranceM2);
  });
});
