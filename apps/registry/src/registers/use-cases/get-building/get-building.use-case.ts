import { Injectable } from '@nestjs/common';
import type { BuildingView } from '@gridline/contracts-registry';
import { BuildingEntity } from '../../register.entities';
import { toBuildingView } from '../../register.mapper';
import { assertMayRead } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { GetBuildingQuery } from './get-building.query';

/** A building as the caller may see it: in scope, else 404. */
@Injectable()
export class GetBuildingUseCase {
  constructor(private readonly registers: RegisterRepository) {}

  async execute({ caller, id }: GetBuildingQuery): Promise<BuildingView> {
    const building = await this.registers.findOne(BuildingEntity, id);
    assertMayRead(caller, 'building', id, building);
    return toBuildingView(building);
  }
}
