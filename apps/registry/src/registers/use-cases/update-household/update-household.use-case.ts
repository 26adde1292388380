import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { HouseholdView, UpdateHouseholdBody } from '@gridline/contracts-registry';
import { registerInvalid } from '../../register.errors';
import { HouseholdEntity, ResidentEntity } from '../../register.entities';
import { toHouseholdView } from '../../register.mapper';
import { assertMayWrite } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import { QualityService } from '../../quality.service';

/** Names the head of a household: one of its members. */
@Injectable()
export class UpdateHouseholdUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly quality: QualityService,
  ) {}

  async execute(caller: Caller, id: string, changes: UpdateHouseholdBody): Promise<HouseholdView> {
    return this.registers.transactional(async (em) => {
      const household = await em.findOne(HouseholdEntity, { id });
      assertMayWrite(caller, 'household', id, household);
      if (changes.headResidentId !== undefined && changes.headResidentId !== household.headResidentId) {
        const head = await em.findOne(ResidentEntity, { id: changes.headResidentId });
        if (!head || head.householdId !== household.id) throw registerInvalid('headResidentId', 'must be a member of this household');
        household.headResidentId = head.id;
        household.updatedAt = new Date();
        await em.flush();
        await this.quality.announce(em, [household.gridCode]);
        await em.flush();
      }
      return toHouseholdView(household);
    });
  }
}
