import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import type { CandidateRulesView } from '@gridline/contracts-analytics';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { requireCandidateDecider, requireRulesKeeper, rulesStreet } from '../../candidate-access';
import { CandidateRepository } from '../../candidate.repository';
import { checkCandidateRules } from '../../candidate-rules';
import { GetCandidateRulesUseCase } from '../get-candidate-rules/get-candidate-rules.use-case';
import type { PutCandidateRulesCommand } from './put-candidate-rules.command';

/**
 * Replaces a street's detection rules as a whole (checked first: nothing is stored from a set with a bad rule), or an
 * admin the platform default's (`street=*`); a street out of scope 404, one the caller does not keep 403. The next
 * scan uses them; no other street's rules change.
 */
@Injectable()
export class PutCandidateRulesUseCase {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly units: PartyFiguresRepository,
    private readonly read: GetCandidateRulesUseCase,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, request }: PutCandidateRulesCommand): Promise<CandidateRulesView> {
    requireCandidateDecider(caller, 'change the 3+N detection rules');
    const rules = checkCandidateRules(request.rules);
    const street = await rulesStreet(caller, request.street, this.units);
    requireRulesKeeper(caller, street);
    await this.transactions.run(() => this.candidates.replaceRules(street, rules, caller.sub, new Date()));
    return this.read.of(street);
  }
}
