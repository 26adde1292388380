import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { Page } from '@gridline/platform';
import type { BuildingView, BusinessView, HouseholdView, RegisterListQuery, ResidentView } from '@gridline/contracts-registry';
import { PersonalDataService } from '../../../personal-data/personal-data.service';
import { BuildingEntity, BusinessEntity, HouseholdEntity } from '../../register.entities';
import { toBuildingView, toBusinessView, toHouseholdView, toResidentView } from '../../register.mapper';
import { assertMayList, assertMayRead, mayReadMembers } from '../../register-permissions';
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
    assertMayRead(caller, 'building', id, building);
    return toBuildingView(building);
  }

  async buildings(caller: Caller, query: RegisterListQuery): Promise<Page<BuildingView>> {
    assertMayList(caller, 'building');
    const page = await this.registers.page(BuildingEntity, caller, query, query.q ? [{ address: { $ilike: likePattern(query.q) } }] : [], { address: 'asc' });
    return { ...page, items: page.items.map(toBuildingView) };
  }

  /** A household with its members, for callers who may read residents; building chiefs and property staff get the household alone. */
  async household(caller: Caller, id: string): Promise<HouseholdView & { members?: ResidentView[] }> {
    const household = await this.registers.findOne(HouseholdEntity, id);
    assertMayRead(caller, 'household', id, household);
    if (!mayReadMembers(caller)) return toHouseholdView(household);
    const members = (await this.registers.membersOf(id)).map((r) => toResidentView(r, this.personalData));
    return { ...toHouseholdView(household), members };
  }

  async households(caller: Caller, query: RegisterListQuery): Promise<Page<HouseholdView>> {
    assertMayList(caller, 'household');
    const page = await this.registers.page(HouseholdEntity, caller, query, query.q ? [{ address: { $ilike: likePattern(query.q) } }] : [], { address: 'asc', room: 'asc' });
    return { ...page, items: page.items.map(toHouseholdView) };
  }

  async business(caller: Caller, id: string): Promise<BusinessView> {
    const business = await this.registers.findOne(BusinessEntity, id);
    assertMayRead(caller, 'business', id, business);
    return toBusinessView(business, this.personalData);
  }

  async businesses(caller: Caller, query: RegisterListQuery): Promise<Page<BusinessView>> {
    assertMayList(caller, 'business');
    const page = await this.registers.page(BusinessEntity, caller, query, query.q ? [{ name: { $ilike: likePattern(query.q) } }] : [], { name: 'asc' });
    return { ...page, items: page.items.map((b) => toBusinessView(b, this.personalData)) };
  }
}
