import { Injectable } from '@nestjs/common';
import { PersonalDataCipher } from '@gridline/persistence';
import type { AppealView } from '@gridline/contracts-hotline';
import { ReferenceRepository } from '@gridline/registry-reference';
import { namesOf, toAppealView } from '../../appeal.mapper';
import { AppealRepository } from '../../appeal.repository';
import type { GetAppealQuery } from './get-appeal.query';

/** An appeal as the caller may see it (the caller masked), with the names beside its codes. */
@Injectable()
export class GetAppealUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly copy: ReferenceRepository,
  ) {}

  async execute({ caller, id }: GetAppealQuery): Promise<AppealView> {
    const appeal = await this.appeals.findVisible(caller, id);
    return toAppealView(appeal, caller, this.cipher, await this.copy.names(namesOf([appeal])));
  }
}
