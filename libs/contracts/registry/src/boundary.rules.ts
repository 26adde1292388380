import { area } from '@turf/area';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { UnitBoundary, UnitLevel } from './unit.types';

const KM2 = 1_000_000;

/**
 * The limits a unit boundary must keep (docs: README "Unit codes and rules"). Sized for an urban street: the demo
 * street is about 47 km², its communities about 8 km², its grids about 1 km².
 */
export const BOUNDARY_LIMITS = {
  /** Positions in all rings of one boundary together: enough for a traced street, small enough to check quickly. */
  maxPositions: 2_000,
  /** Polygons of one MultiPolygon. */
  maxPolygons: 50,
  /** A boundary must enclose at least this much: below it the rings are degenerate. */
  minAreaM2: 1,
  /** The largest area per level. */
  maxAreaM2: {
    street: 1_000 * KM2,
    community: 100 * KM2,
    grid: 10 * KM2,
    exclusive_grid: 20 * KM2,
  } satisfies Record<UnitLevel, number>,
  /**
   * Overlap between neighbours, or the part of a unit outside its parent, below this is a shared edge drawn
   * imprecisely (rounding, snapping), not a real overlap: 10 m² is a 2 cm strip along a 500 m edge.
   */
  toleranceM2: 10,
} as const;

/** Area of a boundary in square metres (on the WGS 84 sphere, holes subtracted). */
export function boundaryAreaM2(boundary: UnitBoundary): number {
  return area(boundary);
}

/** Area in m² shared by two boundaries (0 when they are disjoint or only touch). */
export function overlapAreaM2(a: UnitBoundary, b: UnitBoundary): number {
  const shared = intersect(featureCollection([feature(a), feature(b)]));
  return shared ? area(shared) : 0;
}

/** Area in m² of the part of `inner` that lies outside `outer`. */
export function areaOutsideM2(inner: UnitBoundary, outer: UnitBoundary): number {
  return Math.max(0, area(inner) - overlapAreaM2(inner, outer));
}

/** A count of square metres as people read it: "12 m²", "3.4 km²". */
export function formatArea(m2: number): string {
  return m2 >= KM2 ? `${Number((m2 / KM2).toPrecision(3))} km²` : `${Math.round(m2)} m²`;
}
