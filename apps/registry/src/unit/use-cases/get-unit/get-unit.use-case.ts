import { Injectable } from '@nestjs/common';
import type { UnitView } from '@gridline/contracts-registry';
import { unitNotFound } from '../../unit.errors';
import { toUnitView } from '../../unit.mapper';
import { assertMayRead } from '../../unit-permissions';
import { UnitRepository } from '../../unit.repository';
import type { GetUnitQuery } from './get-unit.query';

/** One unit within the caller's scope. */
@Injectable()
export class GetUnitUseCase {
  constructor(private readonly units: UnitRepository) {}

  async execute({ caller, code }: GetUnitQuery): Promise<UnitView> {
    const unit = await this.units.findByCode(code);
    if (!unit) throw unitNotFound(code);
    assertMayRead(caller, unit);
    return toUnitView(unit);
  }
}
