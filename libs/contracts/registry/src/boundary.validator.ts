import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * Why a value is not a valid GeoJSON Polygon or MultiPolygon boundary, or null when it is.
 * Rings need four or more positions, closed; positions are [longitude, latitude] within range.
 */
export function boundaryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'must be a GeoJSON Polygon or MultiPolygon object';
  const geometry = value as { type?: unknown; coordinates?: unknown };
  if (geometry.type === 'Polygon') return polygonProblem(geometry.coordinates, 'coordinates');
  if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) return 'coordinates must be a non-empty list of polygons';
    for (const [i, polygon] of geometry.coordinates.entries()) {
      const problem = polygonProblem(polygon, `coordinates[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  return 'type must be "Polygon" or "MultiPolygon"';
}

function polygonProblem(rings: unknown, at: string): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return `${at} must be a non-empty list of linear rings`;
  for (const [r, ring] of rings.entries()) {
    if (!Array.isArray(ring) || ring.length < 4) return `${at}[${r}] must be a linear ring of at least 4 positions`;
    for (const [p, position] of ring.entries()) {
      if (!Array.isArray(position) || position.length < 2 || !position.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        return `${at}[${r}][${p}] must be a [longitude, latitude] position`;
      }
      const [lng, lat] = position as number[];
      if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return `${at}[${r}][${p}] is out of range (longitude -180..180, latitude -90..90)`;
    }
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) return `${at}[${r}] must be closed (first and last positions equal)`;
  }
  return null;
}

export function IsUnitBoundary(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isUnitBoundary',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => boundaryProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${boundaryProblem(args?.value)}`,
      },
    });
}
