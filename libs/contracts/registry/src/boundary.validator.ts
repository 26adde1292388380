import { booleanValid } from '@turf/boolean-valid';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { polygon as polygonFeature } from '@turf/helpers';
import { kinks } from '@turf/kinks';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { BOUNDARY_LIMITS, boundaryAreaM2, formatArea } from './boundary.rules';
import type { Position, UnitBoundary, UnitLevel } from './unit.types';

/**
 * Why a value is not a valid boundary, or null when it is: a GeoJSON Polygon or MultiPolygon (RFC 7946) whose rings
 * have four or more [longitude, latitude] positions (2-D, in range), are closed, neither cross nor touch (themselves
 * or one another), whose holes lie inside their shell and parts outside one another, within the size limits of
 * BOUNDARY_LIMITS — for `level` when given, else the largest (a street's).
 */
export function boundaryProblem(value: unknown, level?: UnitLevel): string | null {
  const problem = typeof value === 'object' && value !== null ? cachedShapeProblem(value) : shapeProblem(value);
  if (problem) return problem;
  const boundary = value as UnitBoundary;
  const area = boundaryAreaM2(boundary);
  if (area < BOUNDARY_LIMITS.minAreaM2) return `encloses no area (less than ${BOUNDARY_LIMITS.minAreaM2} m²)`;
  const max = BOUNDARY_LIMITS.maxAreaM2[level ?? 'street'];
  if (area > max) return `is ${formatArea(area)}, more than the ${formatArea(max)} allowed for a ${level ?? 'unit'}`;
  return null;
}

// Validation runs twice per message (the check, then its message) and again in the use case: the geometry once.
const checked = new WeakMap<object, string | null>();

function cachedShapeProblem(value: object): string | null {
  if (!checked.has(value)) checked.set(value, shapeProblem(value));
  return checked.get(value) ?? null;
}

function shapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'must be a GeoJSON Polygon or MultiPolygon object';
  const geometry = value as { type?: unknown; coordinates?: unknown };
  let polygons: Position[][][];
  const count = { positions: 0 };
  if (geometry.type === 'Polygon') {
    const problem = polygonProblem(geometry.coordinates, 'coordinates', count);
    if (problem) return problem;
    polygons = [geometry.coordinates as Position[][]];
  } else if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) return 'coordinates must be a non-empty list of polygons';
    if (geometry.coordinates.length > BOUNDARY_LIMITS.maxPolygons) return `coordinates must hold at most ${BOUNDARY_LIMITS.maxPolygons} polygons`;
    for (const [i, polygon] of geometry.coordinates.entries()) {
      const problem = polygonProblem(polygon, `coordinates[${i}]`, count);
      if (problem) return problem;
    }
    polygons = geometry.coordinates as Position[][][];
  } else {
    return 'type must be "Polygon" or "MultiPolygon"';
  }
  return topologyProblem(value as UnitBoundary, polygons);
}

function polygonProblem(rings: unknown, at: string, count: { positions: number }): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return `${at} must be a non-empty list of linear rings`;
  for (const [r, ring] of rings.entries()) {
    if (!Array.isArray(ring) || ring.length < 4) return `${at}[${r}] must be a linear ring of at least 4 positions`;
    // Counted before the loop below walks the ring, so that no request makes it walk more than the limit.
    count.positions += ring.length;
    if (count.positions > BOUNDARY_LIMITS.maxPositions) return `must have at most ${BOUNDARY_LIMITS.maxPositions} positions in all rings together`;
    for (const [p, position] of ring.entries()) {
      if (!Array.isArray(position) || position.length < 2 || !position.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) {
        return `${at}[${r}][${p}] must be a [longitude, latitude] position`;
      }
      if (position.length !== 2) return `${at}[${r}][${p}] must be a [longitude, latitude] position: 2-D, no altitude`;
      const [lng, lat] = position as number[];
      if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return `${at}[${r}][${p}] is out of range (longitude -180..180, latitude -90..90)`;
    }
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) return `${at}[${r}] must be closed (first and last positions equal)`;
  }
  return null;
}

/** The rings are well formed lists of positions: now what they draw, through @turf. */
function topologyProblem(boundary: UnitBoundary, polygons: Position[][][]): string | null {
  const crossing = kinks(boundary).features[0];
  if (crossing) {
    const [lng, lat] = crossing.geometry.coordinates.map((n) => Number(n.toFixed(7)));
    return `must not cross or touch itself (its rings meet at [${lng}, ${lat}])`;
  }
  if (!booleanValid(boundary)) return 'must not have spikes, repeated positions or rings that touch themselves';
  // Rings neither cross nor touch (above), so a ring lies inside another as soon as one of its positions does.
  const at = (i: number) => (boundary.type === 'Polygon' ? 'coordinates' : `coordinates[${i}]`);
  for (const [i, rings] of polygons.entries()) {
    const shell = polygonFeature([rings[0]]);
    for (let r = 1; r < rings.length; r++) {
      if (!booleanPointInPolygon(rings[r][0], shell)) return `${at(i)}[${r}] is a hole and must lie inside its shell ${at(i)}[0]`;
    }
  }
  for (const [i, rings] of polygons.entries()) {
    for (const [j, other] of polygons.entries()) {
      if (i !== j && booleanPointInPolygon(rings[0][0], polygonFeature(other))) return `coordinates[${i}] lies inside coordinates[${j}]: the polygons must not overlap`;
    }
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
