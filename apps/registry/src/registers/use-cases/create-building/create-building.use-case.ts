import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { requireRegisterAccess, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryErrorCode, type BuildingView, type CreateBuildingRequest } from '@gridline/contracts-registry';
import { GridResolver } from '../../grid-resolver';
import { BuildingEntity } from '../../register.entities';
import { toBuildingView } from '../../register.mapper';
import { assertMayWriteIn } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityService } from '../../quality.service';

/** Registers a building of a grid; one address per grid. */
@Injectable()
export class CreateBuildingUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly grids: GridResolver,
    private readonly quality: QualityService,
  ) {}

  async execute(caller: Caller, input: CreateBuildingRequest): Promise<BuildingView> {
    requireRegisterAccess(caller, 'building', 'write');
    const grid = await this.grids.resolve(input.gridCode);
    assertMayWriteIn(caller, 'building', grid);
    return this.registers.transactional(async (em) => {
      const existing = await em.findOne(BuildingEntity, { gridCode: grid.code, address: input.address });
      if (existing) {
        throw new AppError(RegistryErrorCode.RegisterInvalid, 'conflict', 'A building with this address is already registered in the grid', { buildingId: existing.id });
      }
      const building = em.create(BuildingEntity, {
        id: randomUUID(),
        gridCode: grid.code,
        path: grid.path,
        address: input.address,
        name: input.name ?? null,
        floors: input.floors ?? null,
        unitCount: input.unitCount ?? null,
      });
      em.persist(building);
      await em.flush();
      await this.quality.announce(em, [grid.code]);
      await em.flush();
      return toBuildingView(building);
    });
  }
}
