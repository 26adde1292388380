import { Injectable } from '@nestjs/common';
import type { OffsetPage } from '@gridline/platform';
import type { UnitView } from '@gridline/contracts-registry';
import { toUnitView } from '../../unit.mapper';
import { UnitRepository } from '../../unit.repository';
import type { ListUnitsQuery } from './list-units.query';

/** Units in the caller's scope, filtered by parent, level and text, one page at a time. */
@Injectable()
export class ListUnitsUseCase {
  constructor(private readonly units: UnitRepository) {}

  async execute({ caller, filter }: ListUnitsQuery): Promise<OffsetPage<UnitView>> {
    const page = await this.units.list(caller, filter);
    return { ...page, items: page.items.map(toUnitView) };
  }
}
