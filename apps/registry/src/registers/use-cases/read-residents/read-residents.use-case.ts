import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Caller } from '@gridline/auth';
import type { Page } from '@gridline/platform';
import type { ResidentSearchQuery, ResidentView } from '@gridline/contracts-registry';
import { PersonalDataService } from '../../../personal-data/personal-data.service';
import { ResidentEntity } from '../../register.entities';
import { toResidentView } from '../../register.mapper';
import { assertMayList, assertMayRead } from '../../register-permissions';
import { RegisterRepository, likePattern } from '../../register.repository';

/** Residents as the caller may see them: in scope, masked; searchable by name, exact ID number or phone, tag. */
@Injectable()
export class ReadResidentsUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async get(caller: Caller, id: string): Promise<ResidentView> {
    const resident = await this.registers.findOne(ResidentEntity, id);
    assertMayRead(caller, 'resident', id, resident);
    return toResidentView(resident, this.personalData);
  }

  async search(caller: Caller, query: ResidentSearchQuery): Promise<Page<ResidentView>> {
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
