import { Injectable } from '@nestjs/common';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { LocateResult } from '@gridline/contracts-registry';
import type { UnitEntity } from './unit.entity';
import { UnitRepository } from './unit.repository';

/** Which grid holds a point, and where that grid sits: shared by locate (with scope) and the public lookup (without). */
@Injectable()
export class GridLocator {
  constructor(private readonly units: UnitRepository) {}

  /** The active grid whose boundary holds the point, if any; no scope check (the public lookup uses it too). */
  async gridAt(lat: number, lng: number): Promise<UnitEntity | null> {
    // An exclusive grid drawn over ordinary ones wins: it is the more specific owner (the map rules let it overlap them).
    const candidates = (await this.units.findGridCandidatesAt(lng, lat)).sort((a, b) => Number(b.level === 'exclusive_grid') - Number(a.level === 'exclusive_grid'));
    return candidates.find((unit) => unit.boundary && booleanPointInPolygon([lng, lat], unit.boundary)) ?? null;
  }

  /** The grid with its community (null for an exclusive grid under a street) and street. */
  async describe(grid: UnitEntity): Promise<LocateResult> {
    const ancestors = new Map((await this.units.findByCodes(grid.path.slice(0, -1))).map((u) => [u.code, u]));
    const byLevel = (level: UnitEntity['level']) => grid.path.map((code) => ancestors.get(code)).find((u) => u?.level === level) ?? null;
    const street = byLevel('street');
    const community = byLevel('community');
    if (!street) throw new Error(`grid ${grid.code} has no street in its path`);
    return {
      grid: { code: grid.code, name: grid.name, level: grid.level, kind: grid.kind },
      community: community ? { code: community.code, name: community.name, level: community.level } : null,
      street: { code: street.code, name: street.name, level: street.level },
    };
  }
}
