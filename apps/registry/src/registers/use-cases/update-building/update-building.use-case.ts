import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { BuildingView, UpdateBuildingBody } from '@gridline/contracts-registry';
import { BuildingEntity } from '../../register.entities';
import { toBuildingView } from '../../register.mapper';
import { assertMayWrite } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityService } from '../../quality.service';

@Injectable()
export class UpdateBuildingUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly quality: QualityService,
  ) {}

  async execute(caller: Caller, id: string, changes: UpdateBuildingBody): Promise<BuildingView> {
    return this.registers.transactional(async (em) => {
      const building = await em.findOne(BuildingEntity, { id });
      assertMayWrite(caller, 'building', id, building);
      const before = JSON.stringify(toBuildingView(building));
      if (changes.name !== undefined) building.name = changes.name || null;
      if (changes.floors !== undefined) building.floors = changes.floors;
      if (changes.unitCount !== undefined) building.unitCount = changes.unitCount;
      if (JSON.stringify(toBuildingView(building)) !== before) {
        building.updatedAt = new Date();
        await em.flush();
        await this.quality.announce(em, [building.gridCode]);
        await em.flush();
      }
      return toBuildingView(building);
    });
  }
}
