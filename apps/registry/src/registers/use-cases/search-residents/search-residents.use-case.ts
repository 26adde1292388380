import { Injectable } from '@nestjs/common';
import type { OffsetPage } from '@gridline/platform';
import type { ResidentView } from '@gridline/contracts-registry';
import { PersonalDataService } from '@gridline/persistence';
import { toResidentView } from '../../register.mapper';
import { assertMayList } from '../../register-permissions';
import { RegisterRepository } from '../../register.repository';
import type { SearchResidentsQuery } from './search-residents.query';

/** Residents in the caller's scope, masked; searchable by name, exact ID number or phone, tag, household. */
@Injectable()
export class SearchResidentsUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly personalData: PersonalDataService,
  ) {}

  async execute({ caller, query }: SearchResidentsQuery): Promise<OffsetPage<ResidentView>> {
    assertMayList(caller, 'resident');
    // Exact matches go through the keyed hashes: the database never sees the number itself.
    const page = await this.registers.searchResidents(caller, query, {
      ...(query.idNumber ? { idNumberIndex: this.personalData.indexIdNumber(query.idNumber) } : {}),
      ...(query.phone ? { phoneIndex: this.personalData.indexPhone(query.phone) } : {}),
    });
    return { ...page, items: page.items.map((r) => toResidentView(r, this.personalData)) };
  }
}
