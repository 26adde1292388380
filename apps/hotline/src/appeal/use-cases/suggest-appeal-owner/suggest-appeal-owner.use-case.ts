import { Injectable } from '@nestjs/common';
import type { OwnerSuggestion } from '@gridline/contracts-hotline';
import { ReferenceRepository } from '@gridline/registry-reference';
import { DefaultAppealOwner } from '../../appeal-owner';
import { ownerView } from '../../appeal.mapper';
import { AppealRepository } from '../../appeal.repository';
import type { SuggestAppealOwnerQuery } from './suggest-appeal-owner.query';

/**
 * The owner the responsibility list gives the appeal at its place — the lead a dispatch naming none takes — with its
 * name, for whoever may see the appeal (the dispatch form fills it in; the dispatcher may choose another).
 */
@Injectable()
export class SuggestAppealOwnerUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly defaultOwner: DefaultAppealOwner,
    private readonly copy: ReferenceRepository,
  ) {}

  async execute({ caller, id }: SuggestAppealOwnerQuery): Promise<OwnerSuggestion> {
    const appeal = await this.appeals.findVisible(caller, id);
    const { owner, why } = await this.defaultOwner.of(appeal);
    const names = await this.copy.names({ units: [owner.kind === 'unit' ? owner.unitCode : null], departments: [owner.kind === 'department' ? owner.departmentCode : null] });
    return { lead: ownerView(owner, names), why };
  }
}
