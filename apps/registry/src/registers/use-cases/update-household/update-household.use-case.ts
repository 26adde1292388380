import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import type { HouseholdView } from '@gridline/contracts-registry';
import { registerInvalid } from '../../register.errors';
import { HouseholdEntity, ResidentEntity } from '../../register.entities';
import { toHouseholdView } from '../../register.mapper';
import { assertMayWrite } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityRepository } from '../../quality.repository';
import type { UpdateHouseholdCommand } from './update-household.command';

/** Names the head of a household: one of its members. */
@Injectable()
export class UpdateHouseholdUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly quality: QualityRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, changes }: UpdateHouseholdCommand): Promise<HouseholdView> {
    return this.transactions.run(async () => {
      const household = await this.registers.findOne(HouseholdEntity, id);
      assertMayWrite(caller, 'household', id, household);
      if (changes.headResidentId !== undefined && changes.headResidentId !== household.headResidentId) {
        const head = await this.registers.findOne(ResidentEntity, changes.headResidentId);
        if (!head || head.householdId !== household.id) throw registerInvalid('headResidentId', 'must be a member of this household');
        household.headResidentId = head.id;
        household.updatedAt = new Date();
        await this.registers.flush();
        await this.quality.announce([household.gridCode]);
        await this.registers.flush();
      }
      return toHouseholdView(household);
    });
  }
}
