import { Injectable } from '@nestjs/common';
import type { UnitView } from '@gridline/contracts-registry';
import { unitNotFound } from '../../unit.errors';
import { toUnitView } from '../../unit.mapper';
import { assertMayRead } from '../../unit-permissions';
import { UnitRepository } from '../../unit.repository';
import type { ListUnitChildrenQuery } from './list-unit-children.query';

/** The children of a unit within the caller's scope. */
@Injectable()
export class ListUnitChildrenUseCase {
  constructor(private readonly units: UnitRepository) {}

  async execute({ caller, code }: ListUnitChildrenQuery): Promise<UnitView[]> {
    const unit = await this.units.findByCode(code);
    if (!unit) throw unitNotFound(code);
    assertMayRead(caller, unit);
    return (await this.units.findChildren(code)).map(toUnitView);
  }
}
