import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { requireRegisterAccess } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { RegistryErrorCode, type BuildingView } from '@gridline/contracts-registry';
import { GridResolver } from '../../grid-resolver';
import { toBuildingView } from '../../register.mapper';
import { assertMayWriteIn } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityRepository } from '../../quality.repository';
import type { CreateBuildingCommand } from './create-building.command';

/** Registers a building of a grid; one address per grid. */
@Injectable()
export class CreateBuildingUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly grids: GridResolver,
    private readonly quality: QualityRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, building: input }: CreateBuildingCommand): Promise<BuildingView> {
    requireRegisterAccess(caller, 'building', 'write');
    const grid = await this.grids.resolve(input.gridCode);
    assertMayWriteIn(caller, 'building', grid);
    return this.transactions.run(async () => {
      const existing = await this.registers.findBuildingAt(grid.code, input.address);
      if (existing) {
        throw new AppError(RegistryErrorCode.RegisterInvalid, 'conflict', 'A building with this address is already registered in the grid', { buildingId: existing.id });
      }
      const building = this.registers.addBuilding({
        id: randomUUID(),
        gridCode: grid.code,
        path: grid.path,
        address: input.address,
        name: input.name ?? null,
        floors: input.floors ?? null,
        unitCount: input.unitCount ?? null,
      });
      await this.registers.flush();
      await this.quality.announce([grid.code]);
      await this.registers.flush();
      return toBuildingView(building);
    });
  }
}
