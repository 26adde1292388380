import { Injectable } from '@nestjs/common';
import type { HouseholdView, ResidentView } from '@gridline/contracts-registry';
import { PersonalDataService } from '@gridline/persistence';
import { HouseholdEntity } from '../../register.entities';
import { toHouseholdView, toResidentView } from '../../register.mapper';
import { assertMayRead, mayReadMembers } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { GetHouseholdQuery } from './get-household.query';

/** A household with its members, for callers who may read residents; building chiefs and property staff get the household alone. */
@Injectable()
export class GetHouseholdUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, id }: GetHouseholdQuery): Promise<HouseholdView & { members?: ResidentView[] }> {
    const household = await this.registers.findOne(HouseholdEntity, id);
    assertMayRead(caller, 'household', id, household);
    if (!mayReadMembers(caller)) return toHouseholdView(household);
    const members = (await this.registers.membersOf(id)).map((r) => toResidentView(r, this.personalData));
    return { ...toHouseholdView(household), members };
  }
}
