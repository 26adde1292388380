import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import type { CandidateRulesView } from '@gridline/contracts-analytics';
import { requireCandidateDecider } from '../../candidate-access';
import { CandidateRepository } from '../../candidate.repository';
import { checkCandidateRules } from '../../candidate-rules';
import { toRulesView } from '../get-candidate-rules/get-candidate-rules.use-case';
import type { PutCandidateRulesCommand } from './put-candidate-rules.command';

/** Replaces the detection rules as a whole (checked first: nothing is stored from a set with a bad rule); the next scan uses them. */
@Injectable()
export class PutCandidateRulesUseCase {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, request }: PutCandidateRulesCommand): Promise<CandidateRulesView> {
    requireCandidateDecider(caller, 'change the 3+N detection rules');
    const rules = checkCandidateRules(request.rules);
    return this.transactions.run(async () => {
      await this.candidates.replaceRules(rules, caller.sub, new Date());
      return toRulesView(await this.candidates.rules());
    });
  }
}
