import { Injectable } from '@nestjs/common';
import type { OffsetPage } from '@gridline/platform';
import type { HouseholdView } from '@gridline/contracts-registry';
import { toHouseholdView } from '../../register.mapper';
import { assertMayList } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { ListHouseholdsQuery } from './list-households.query';

/** The households in the caller's scope, by address and room. */
@Injectable()
export class ListHouseholdsUseCase {
  constructor(private readonly registers: RegisterRepository) {}

  async execute({ caller, query }: ListHouseholdsQuery): Promise<OffsetPage<HouseholdView>> {
    assertMayList(caller, 'household');
    const page = await this.registers.listHouseholds(caller, query);
    return { ...page, items: page.items.map(toHouseholdView) };
  }
}
