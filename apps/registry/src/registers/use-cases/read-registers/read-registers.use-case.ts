import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { Page } from '@gridline/platform';
import type { BuildingView, BusinessView, HouseholdView, RegisterListQuery, ResidentView } from '@gridline/contracts-registry';
import { PersonalDataService } from '../../../personal-data/personal-data.service';
import { recordNotFound } from '../../register.errors';
import { BuildingEntity, BusinessEntity, HouseholdEntity } from '../../register.entities';
import { toBuildingView, toBusinessView, toHouseholdView, toResidentView } from '../../register.mapper';
import { assertMayRead, namesMasked } from '../../register-permissions';
import { RegisterRepository, likePattern } from '../../register.repository';

/** Buildings, households and businesses as the caller may see them. */
@Injectable()
export class ReadRegistersUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async building(caller: Caller, id: string): Promise<BuildingView> {
    const building = await this.registers.findOne(BuildingEntity, id);
    if (!building) throw recordNotFound('building', id);
    assertMayRead(caller, building, 'building');
    return toBuildingView(building);
  }

  async buildings(caller: Caller, query: RegisterListQuery): Promise<Page<BuildingView>> {
    const page = await this.registers.page(BuildingEntity, caller, query, query.q ? [{ address: { $ilike: likePattern(query.q) } }] : [], { address: 'asc' });
    return { ...page, items: page.items.map(toBuildingView) };
  }

  async household(caller: Caller, id: string): Promise<HouseholdView & { members: ResidentView[] }> {
    const household = await this.registers.findOne(HouseholdEntity, id);
    if (!household) throw recordNotFound('household', id);
    assertMayRead(caller, household, 'household');
    const mask = namesMasked(caller);
    const members = (await this.registers.membersOf(id)).map((r) => toResidentView(r, this.personalData, mask));
    return { ...toHouseholdView(household), members };
  }

  async households(caller: Caller, query: RegisterListQuery): Promise<Page<HouseholdView>> {
    const page = await this.registers.page(HouseholdEntity, caller, query, query.q ? [{ address: { $ilike: likePattern(query.q) } }] : [], { address: 'asc', room: 'asc' });
    return { ...page, items: page.items.map(toHouseholdView) };
  }

  async business(caller: Caller, id: string): Promise<BusinessView> {
    const business = await this.registers.findOne(BusinessEntity, id);
    if (!business) throw recordNotFound('business', id);
    assertMayRead(caller, business, 'business');
    return toBusinessView(business, this.personalData);
  }

  async businesses(caller: Caller, query: RegisterListQuery): Promise<Page<BusinessView>> {
    const page = await this.registers.page(BusinessEntity, caller, query, query.q ? [{ name: { $ilike: likePattern(query.q) } }] : [], { name: 'asc' });
    return { ...page, items: page.items.map((b) => toBusinessView(b, this.personalData)) };
  }
}
