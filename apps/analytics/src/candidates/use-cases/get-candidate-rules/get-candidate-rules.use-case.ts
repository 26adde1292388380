import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { CandidateRulesView } from '@gridline/contracts-analytics';
import { requireCandidateDecider } from '../../candidate-access';
import { CandidateRepository, type StoredRule } from '../../candidate.repository';

export const toRulesView = (rules: readonly StoredRule[]): CandidateRulesView => ({
  rules: rules.map(({ updatedAt, ...rule }) => ({ ...rule, updatedAt: updatedAt.toISOString() })),
});

/** The detection rules: the `*` default first, then each category's or major category's own. */
@Injectable()
export class GetCandidateRulesUseCase {
  constructor(private readonly candidates: CandidateRepository) {}

  async execute(caller: Caller): Promise<CandidateRulesView> {
    requireCandidateDecider(caller, 'read the 3+N detection rules');
    return toRulesView(await this.candidates.rules());
  }
}
