import { Injectable } from '@nestjs/common';
import { mapItems, type OffsetPage } from '@gridline/platform';
import { PersonalDataCipher } from '@gridline/persistence';
import type { AppealView } from '@gridline/contracts-hotline';
import { ReferenceRepository } from '@gridline/registry-reference';
import { allOf, appealFilters } from '../../appeal-filters';
import { namesOf, toAppealView } from '../../appeal.mapper';
import { AppealRepository } from '../../appeal.repository';
import type { ListAppealsQuery } from './list-appeals.query';

/** The appeals the caller may see, searched and filtered, newest first, a page at a time. */
@Injectable()
export class ListAppealsUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly copy: ReferenceRepository,
  ) {}

  async execute({ caller, filter: query }: ListAppealsQuery): Promise<OffsetPage<AppealView>> {
    const page = await this.appeals.page(allOf(appealFilters(caller, query, this.cipher)), query);
    const names = await this.copy.names(namesOf(page.items));
    return mapItems(page, (a) => toAppealView(a, caller, this.cipher, names));
  }
}
