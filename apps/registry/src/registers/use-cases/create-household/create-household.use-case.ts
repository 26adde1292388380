import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { requireRegisterAccess, type Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryErrorCode, type CreateHouseholdRequest, type HouseholdView } from '@gridline/contracts-registry';
import { GridResolver } from '../../grid-resolver';
import { registerInvalid } from '../../register.errors';
import { BuildingEntity, HouseholdEntity } from '../../register.entities';
import { toHouseholdView } from '../../register.mapper';
import { assertMayWriteIn, inScope } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityService } from '../../quality.service';

/** Registers a household: in a building (taking its grid and address) or at an address of a grid. */
@Injectable()
export class CreateHouseholdUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly grids: GridResolver,
    private readonly quality: QualityService,
  ) {}

  async execute(caller: Caller, input: CreateHouseholdRequest): Promise<HouseholdView> {
    let grid: { code: string; path: string[] };
    let address: string;
    let buildingId: string | null = null;
    requireRegisterAccess(caller, 'household', 'write');
    if (input.buildingId) {
      const building = await this.registers.findOne(BuildingEntity, input.buildingId);
      // A building outside the caller's scope is answered as one that does not exist: naming its grid would tell.
      if (!building || !inScope(caller, building)) throw registerInvalid('buildingId', 'is not a building in your scope');
      grid = { code: building.gridCode, path: building.path };
      address = building.address;
      buildingId = building.id;
    } else {
      if (!input.gridCode) throw registerInvalid('gridCode', 'or buildingId is required');
      if (!input.address) throw registerInvalid('address', 'or buildingId is required');
      grid = await this.grids.resolve(input.gridCode);
      address = input.address;
    }
    assertMayWriteIn(caller, 'household', grid);
    const room = input.room ?? '';
    return this.registers.transactional(async (em) => {
      const existing = await em.findOne(HouseholdEntity, { gridCode: grid.code, address, room });
      if (existing) {
        throw new AppError(RegistryErrorCode.RegisterInvalid, 'conflict', 'A household at this address and room is already registered', { householdId: existing.id });
      }
      const household = em.create(HouseholdEntity, { id: randomUUID(), gridCode: grid.code, path: grid.path, buildingId, address, room });
      em.persist(household);
      await em.flush();
      await this.quality.announce(em, [grid.code]);
      await em.flush();
      return toHouseholdView(household);
    });
  }
}
