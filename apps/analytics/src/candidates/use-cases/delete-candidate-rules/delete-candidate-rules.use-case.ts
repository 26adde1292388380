import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { analyticsInvalid, PLATFORM_CANDIDATE_RULES, type CandidateRulesView } from '@gridline/contracts-analytics';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { requireCandidateDecider, requireRulesKeeper, rulesStreet } from '../../candidate-access';
import { CandidateRepository } from '../../candidate.repository';
import { GetCandidateRulesUseCase } from '../get-candidate-rules/get-candidate-rules.use-case';
import type { DeleteCandidateRulesCommand } from './delete-candidate-rules.command';

/**
 * Returns a street to the platform default rules: removes its own set (who and where as for replacing it). Idempotent:
 * a street without a set of its own is answered as it is. The platform default itself is never removed (400 naming
 * `street`: a PUT replaces it). The next scan judges the street's occurrences by the default.
 */
@Injectable()
export class DeleteCandidateRulesUseCase {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly units: PartyFiguresRepository,
    private readonly read: GetCandidateRulesUseCase,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, street: asked }: DeleteCandidateRulesCommand): Promise<CandidateRulesView> {
    requireCandidateDecider(caller, 'return a street to the default 3+N detection rules');
    if (asked === PLATFORM_CANDIDATE_RULES) throw analyticsInvalid('street', 'must be a street: the platform default is replaced (PUT), never removed');
    const street = await rulesStreet(caller, asked, this.units);
    if (street === PLATFORM_CANDIDATE_RULES) throw analyticsInvalid('street', 'is required: name the street to return to the platform default');
    requireRulesKeeper(caller, street);
    await this.transactions.run(() => this.candidates.removeRules(street));
    return this.read.of(street);
  }
}
