import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { requireRegisterAccess } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { RegistryErrorCode, type HouseholdView } from '@gridline/contracts-registry';
import { GridResolver } from '../../grid-resolver';
import { registerInvalid } from '../../register.errors';
import { BuildingEntity } from '../../register.entities';
import { toHouseholdView } from '../../register.mapper';
import { assertMayWriteIn, inScope } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityRepository } from '../../quality.repository';
import type { CreateHouseholdCommand } from './create-household.command';

/** Registers a household: in a building (taking its grid and address) or at an address of a grid. */
@Injectable()
export class CreateHouseholdUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly grids: GridResolver,
    private readonly quality: QualityRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, household: input }: CreateHouseholdCommand): Promise<HouseholdView> {
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
    return this.transactions.run(async () => {
      const existing = await this.registers.findHouseholdAt(grid.code, address, room);
      if (existing) {
        throw new AppError(RegistryErrorCode.RegisterInvalid, 'conflict', 'A household at this address and room is already registered', { householdId: existing.id });
      }
      const household = this.registers.addHousehold({ id: randomUUID(), gridCode: grid.code, path: grid.path, buildingId, address, room });
      await this.registers.flush();
      await this.quality.announce([grid.code]);
      await this.registers.flush();
      return toHouseholdView(household);
    });
  }
}
