import { boundaryProblem } from './boundary.validator';

const ring = [
  [118.5, 37.4],
  [118.51, 37.4],
  [118.51, 37.41],
  [118.5, 37.4],
];

describe(boundaryProblem.name, () => {
  it('accepts a closed Polygon and a MultiPolygon', () => {
    expect(boundaryProblem({ type: 'Polygon', coordinates: [ring] })).toBeNull();
    expect(boundaryProblem({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toBeNull();
  });

  it.each([
    [null, 'must be a GeoJSON Polygon or MultiPolygon object'],
    [{ type: 'Point', coordinates: [1, 2] }, 'type must be "Polygon" or "MultiPolygon"'],
    [{ type: 'Polygon', coordinates: [] }, 'coordinates must be a non-empty list of linear rings'],
    [{ type: 'Polygon', coordinates: [ring.slice(0, 3)] }, 'coordinates[0] must be a linear ring of at least 4 positions'],
    [{ type: 'Polygon', coordinates: [[...ring.slice(0, 3), [118.6, 37.5]]] }, 'coordinates[0] must be closed'],
    [{ type: 'Polygon', coordinates: [[[200, 37], [1, 1], [2, 2], [200, 37]]] }, 'coordinates[0][0] is out of range'],
    [{ type: 'Polygon', coordinates: [[['a', 37], [1, 1], [2, 2], ['a', 37]]] }, 'coordinates[0][0] must be a [longitude, latitude] position'],
    [{ type: 'MultiPolygon', coordinates: [[ring], []] }, 'coordinates[1] must be a non-empty list of linear rings'],
  ])('explains what is wrong with %j', (value, reason) => {
    expect(boundaryProblem(value)).toContain(reason);
  });
});
