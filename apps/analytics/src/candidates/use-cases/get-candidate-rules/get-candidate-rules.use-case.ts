import { Injectable } from '@nestjs/common';
import { PLATFORM_CANDIDATE_RULES, type CandidateRulesView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { requireCandidateDecider, rulesStreet } from '../../candidate-access';
import { CandidateRepository } from '../../candidate.repository';
import type { GetCandidateRulesQuery } from './get-candidate-rules.query';

/**
 * A street's detection rules (`*` first, then each category's or major category's own) — its own, or the platform
 * default's when it has none (`source` says which); or the platform default's itself (`street=*`).
 */
@Injectable()
export class GetCandidateRulesUseCase {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly units: PartyFiguresRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, street }: GetCandidateRulesQuery): Promise<CandidateRulesView> {
    requireCandidateDecider(caller, 'read the 3+N detection rules');
    return this.of(await rulesStreet(caller, street, this.units));
  }

  /** The rules the street's candidates are found by. */
  async of(street: string): Promise<CandidateRulesView> {
    const own = await this.candidates.rules(street);
    const isStreet = street !== PLATFORM_CANDIDATE_RULES;
    const rules = own.length > 0 || !isStreet ? own : await this.candidates.rules(PLATFORM_CANDIDATE_RULES);
    const streetName = isStreet ? (await this.reference.names({ units: [street] })).unit(street) : null;
    return {
      street,
      streetName,
      source: isStreet && own.length > 0 ? 'street' : 'default',
      rules: rules.map(({ updatedAt, streetCode: _street, ...rule }) => ({ ...rule, updatedAt: updatedAt.toISOString() })),
    };
  }
}
