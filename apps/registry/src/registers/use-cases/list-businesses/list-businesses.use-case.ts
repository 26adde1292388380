import { Injectable } from '@nestjs/common';
import type { OffsetPage } from '@gridline/platform';
import type { BusinessView } from '@gridline/contracts-registry';
import { PersonalDataService } from '@gridline/persistence';
import { toBusinessView } from '../../register.mapper';
import { assertMayList } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { ListBusinessesQuery } from './list-businesses.query';

/** The businesses in the caller's scope, by name. */
@Injectable()
export class ListBusinessesUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, query }: ListBusinessesQuery): Promise<OffsetPage<BusinessView>> {
    assertMayList(caller, 'business');
    const page = await this.registers.listBusinesses(caller, query);
    return { ...page, items: page.items.map((b) => toBusinessView(b, this.personalData)) };
  }
}
