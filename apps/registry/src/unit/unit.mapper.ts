import { standardCodeOf, type UnitSnapshot, type UnitView } from '@gridline/contracts-registry';
import type { UnitBoundary } from '@gridline/contracts-registry';
import type { UnitEntity } from './unit.entity';

export function toUnitView(unit: UnitEntity): UnitView {
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    kind: unit.kind,
    parentCode: unit.parentCode,
    path: unit.path,
    standardCode: standardCodeOf(unit.code, unit.level),
    boundary: unit.boundary,
    active: unit.active,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}

export function toUnitSnapshot(unit: UnitEntity): UnitSnapshot {
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    kind: unit.kind,
    parentCode: unit.parentCode,
    path: unit.path,
    active: unit.active,
    hasBoundary: unit.boundary !== null,
  };
}

/** Sets the boundary and its bounding box together. */
export function setBoundary(unit: UnitEntity, boundary: UnitBoundary | null): void {
  unit.boundary = boundary;
  if (!boundary) {
    unit.minLng = unit.minLat = unit.maxLng = unit.maxLat = null;
    return;
  }
  const positions = boundary.type === 'Polygon' ? boundary.coordinates.flat() : boundary.coordinates.flat(2);
  unit.minLng = Math.min(...positions.map((p) => p[0]));
  unit.maxLng = Math.max(...positions.map((p) => p[0]));
  unit.minLat = Math.min(...positions.map((p) => p[1]));
  unit.maxLat = Math.max(...positions.map((p) => p[1]));
}
