import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Page } from '@gridline/platform';
import type { ResidentView } from '@gridline/contracts-registry';
import { PersonalDataService } from '../../../personal-data/personal-data.service';
import { ResidentEntity } from '../../register.entities';
import { toResidentView } from '../../register.mapper';
import { assertMayList } from '../../register-permissions';
import { RegisterRepository, likePattern } from '../../register.repository';
import type { SearchResidentsQuery } from './search-residents.query';

/** Residents in the caller's scope, masked; searchable by name, exact ID number or phone, tag, household. */
@Injectable()
export class SearchResidentsUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, query }: SearchResidentsQuery): Promise<Page<ResidentView>> {
    assertMayList(caller, 'resident');
    const filters: FilterQuery<ResidentEntity>[] = [];
    // Exact matches go through the keyed hashes: the database never sees the number itself.
    if (query.idNumber) filters.push({ idNumberIndex: this.personalData.indexIdNumber(query.idNumber) });
    if (query.phone) filters.push({ phoneIndex: this.personalData.indexPhone(query.phone) });
    if (query.q) filters.push({ name: { $ilike: likePattern(query.q) } });
    if (query.tag) filters.push({ tags: { $contains: [query.tag] } });
    if (query.householdId) filters.push({ householdId: query.householdId });
    const page = await this.registers.page(ResidentEntity, caller, query, filters);
    return { ...page, items: page.items.map((r) => toResidentView(r, this.personalData)) };
  }
}
