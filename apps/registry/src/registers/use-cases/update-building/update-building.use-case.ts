import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import type { BuildingView } from '@gridline/contracts-registry';
import { BuildingEntity } from '../../register.entities';
import { toBuildingView } from '../../register.mapper';
import { assertMayWrite } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityRepository } from '../../quality.repository';
import type { UpdateBuildingCommand } from './update-building.command';

@Injectable()
export class UpdateBuildingUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly quality: QualityRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, changes }: UpdateBuildingCommand): Promise<BuildingView> {
    return this.transactions.run(async () => {
      const building = await this.registers.findOne(BuildingEntity, id);
      assertMayWrite(caller, 'building', id, building);
      const before = JSON.stringify(toBuildingView(building));
      if (changes.name !== undefined) building.name = changes.name || null;
      if (changes.floors !== undefined) building.floors = changes.floors;
      if (changes.unitCount !== undefined) building.unitCount = changes.unitCount;
      if (JSON.stringify(toBuildingView(building)) !== before) {
        building.updatedAt = new Date();
        await this.registers.flush();
        await this.quality.announce([building.gridCode]);
        await this.registers.flush();
      }
      return toBuildingView(building);
    });
  }
}
