import { Injectable } from '@nestjs/common';
import type { QualityView } from '@gridline/contracts-registry';
import { UnitRepository } from '../../../unit/unit.repository';
import { unitNotFound } from '../../../unit/unit.errors';
import { assertMayRead } from '../../../unit/unit-permissions';
import { QualityRepository } from '../../quality.repository';
import type { GetQualityQuery } from './get-quality.query';

/** Collection quality of a grid, or summed over the grids beneath a unit. */
@Injectable()
export class GetQualityUseCase {
  constructor(
    private readonly units: UnitRepository,
    private readonly quality: QualityRepository,
  ) {}

  async execute({ caller, code }: GetQualityQuery): Promise<QualityView> {
    const unit = await this.units.findByCode(code);
    if (!unit) throw unitNotFound(code);
    assertMayRead(caller, unit);
    return this.quality.of(code);
  }
}
