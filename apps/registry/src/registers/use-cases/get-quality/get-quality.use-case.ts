import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '@gridline/auth';
import type { QualityView } from '@gridline/contracts-registry';
import { UnitEntity } from '../../../unit/unit.entity';
import { unitNotFound } from '../../../unit/unit.errors';
import { assertMayRead } from '../../../unit/unit-permissions';
import { QualityService } from '../../quality.service';

/** Collection quality of a grid, or summed over the grids beneath a unit. */
@Injectable()
export class GetQualityUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly quality: QualityService,
  ) {}

  async execute(caller: Caller, code: string): Promise<QualityView> {
    const unit = await this.em.findOne(UnitEntity, { code });
    if (!unit) throw unitNotFound(code);
    assertMayRead(caller, unit);
    return this.quality.of(this.em, code);
  }
}
