import { Injectable } from '@nestjs/common';
import { scopeCovers, type Caller } from '@gridline/auth';
import { BOUNDARY_LIMITS, areaOutsideM2, formatArea, overlapAreaM2, type UnitBoundary } from '@gridline/contracts-registry';
import type { UnitEntity } from './unit.entity';
import { boundaryOverlap, boundaryRefused } from './unit.errors';
import { UnitRepository } from './unit.repository';

/** What changed about a unit's place on the map. */
export interface MapChange {
  /** The unit is new, or its boundary was redrawn: check it against its parent (and its children, if any). */
  boundary: boolean;
  /** The unit became active, or is new and active: check it against its neighbours. */
  activated: boolean;
}

/**
 * The rules a boundary must keep against the rest of the map, so that a point resolves to exactly one grid:
 * it lies inside its parent's boundary, its children's boundaries lie inside it, and it does not overlap an active
 * unit of its own level under the same street — beyond BOUNDARY_LIMITS.toleranceM2, for edges drawn imprecisely.
 * Exclusive grids and ordinary grids are different levels, so an exclusive grid may lie over ordinary grids.
 */
@Injectable()
export class UnitBoundaryRules {
  constructor(private readonly units: UnitRepository) {}

  /** Within the transaction that stores the change (a `TransactionRunner.run`); takes the map lock first, so call it after reading the unit. */
  async assertFits(caller: Caller, unit: UnitEntity, change: MapChange): Promise<void> {
    const boundary = unit.boundary;
    if (!boundary || (!change.boundary && !change.activated)) return;
    await this.units.lockMap();
    const tolerance = BOUNDARY_LIMITS.toleranceM2;

    if (change.boundary && unit.parentCode) {
      const parent = await this.units.findCurrent(unit.parentCode);
      if (parent?.boundary) {
        const outside = measure(() => areaOutsideM2(boundary, parent.boundary as UnitBoundary));
        if (outside > tolerance) {
          throw boundaryRefused(`must lie inside the boundary of its parent ${parent.code}: ${formatArea(outside)} lie outside it (tolerance ${tolerance} m²)`);
        }
      }
    }

    if (change.boundary) {
      // Children lie beneath the unit, so the caller who may redraw it may see them.
      for (const child of await this.units.findChildrenWithBoundary(unit.code)) {
        const outside = measure(() => areaOutsideM2(child.boundary as UnitBoundary, boundary));
        if (outside > tolerance) {
          throw boundaryRefused(`must contain the boundaries of its children: ${formatArea(outside)} of ${child.code} would lie outside it (tolerance ${tolerance} m²)`);
        }
      }
    }

    if (!unit.active) return;
    const overlaps: { unit: UnitEntity; areaM2: number }[] = [];
    for (const other of await this.units.findNeighbourCandidates(unit)) {
      const areaM2 = measure(() => overlapAreaM2(boundary, other.boundary as UnitBoundary));
      if (areaM2 > tolerance) overlaps.push({ unit: other, areaM2 });
    }
    if (overlaps.length > 0) {
      const visible = overlaps.filter((o) => scopeCovers(caller, o.unit.path)).map((o) => ({ code: o.unit.code, areaM2: o.areaM2 }));
      throw boundaryOverlap(unit.level, visible, overlaps.length - visible.length, tolerance);
    }
  }
}

/** Runs one @turf measurement; the clipping library may give up on a valid but awkward shape: the caller can redraw it. */
function measure(work: () => number): number {
  try {
    return work();
  } catch {
    throw boundaryRefused('could not be compared with the neighbouring units (the geometry is too awkward to clip); simplify it or move its vertices slightly');
  }
}
