import { Injectable } from '@nestjs/common';
import type { UnitEntity } from '../unit/unit.entity';
import { UnitRepository } from '../unit/unit.repository';
import { registerInvalid } from './register.errors';

export interface ResolvedGrid {
  code: string;
  path: string[];
  level: UnitEntity['level'];
}

/** The grid a record lands in: it must exist, be a grid or an exclusive grid, and be active. */
@Injectable()
export class GridResolver {
  constructor(private readonly units: UnitRepository) {}

  async resolve(gridCode: string, field = 'gridCode'): Promise<ResolvedGrid> {
    const unit = await this.units.findByCode(gridCode);
    if (!unit) throw registerInvalid(field, `${gridCode} is not a unit of the map`);
    if (unit.level !== 'grid' && unit.level !== 'exclusive_grid') throw registerInvalid(field, `${gridCode} is a ${unit.level}, not a grid`);
    if (!unit.active) throw registerInvalid(field, `${gridCode} is not active`);
    return { code: unit.code, path: unit.path, level: unit.level };
  }

  /** Resolves many codes at once (imports); unknown or unusable codes are absent from the answer. */
  async resolveMany(codes: string[]): Promise<Map<string, ResolvedGrid>> {
    if (codes.length === 0) return new Map();
    const units = await this.units.findActiveGrids(codes);
    return new Map(units.map((u) => [u.code, { code: u.code, path: u.path, level: u.level }]));
  }
}
