import { Injectable } from '@nestjs/common';
import { PersonalDataService, TransactionRunner } from '@gridline/persistence';
import type { ResidentView } from '@gridline/contracts-registry';
import { registerInvalid } from '../../register.errors';
import { HouseholdEntity, ResidentEntity } from '../../register.entities';
import { toResidentView } from '../../register.mapper';
import { assertMayWrite, inScope } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityRepository } from '../../quality.repository';
import type { UpdateResidentCommand } from './update-resident.command';

/** Changes a resident's name, phone, tags or household (moving with the household's grid). The ID number is fixed. */
@Injectable()
export class UpdateResidentUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
    private readonly quality: QualityRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, changes }: UpdateResidentCommand): Promise<ResidentView> {
    return this.transactions.run(async () => {
      const resident = await this.registers.findOne(ResidentEntity, id);
      assertMayWrite(caller, 'resident', id, resident);
      const grids = new Set([resident.gridCode]);
      let changed = false;
      if (changes.name !== undefined && changes.name !== resident.name) {
        resident.name = changes.name;
        changed = true;
      }
      if (changes.phone !== undefined) {
        const index = changes.phone === null ? null : this.personalData.indexPhone(changes.phone);
        if (index !== resident.phoneIndex) {
          const phone = changes.phone === null ? null : this.personalData.protectPhone(changes.phone);
          resident.phoneEnc = phone?.enc ?? null;
          resident.phoneIndex = phone?.index ?? null;
          changed = true;
        }
      }
      if (changes.tags !== undefined && [...changes.tags].sort().join() !== [...resident.tags].sort().join()) {
        resident.tags = changes.tags;
        changed = true;
      }
      if (changes.householdId !== undefined && changes.householdId !== resident.householdId) {
        const household = await this.registers.findOne(HouseholdEntity, changes.householdId);
        if (!household || !inScope(caller, household)) throw registerInvalid('householdId', 'is not a household in your scope');
        resident.householdId = household.id;
        resident.gridCode = household.gridCode;
        resident.path = household.path;
        grids.add(household.gridCode);
        changed = true;
      }
      if (changed) {
        resident.updatedAt = new Date();
        await this.registers.flush();
        await this.quality.announce(grids);
        await this.registers.flush();
      }
      return toResidentView(resident, this.personalData);
    });
  }
}
