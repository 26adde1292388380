import { Injectable } from '@nestjs/common';
import { FIGURES_READERS, requireRole } from '@gridline/auth';
import { RANKING_PARTS, type RankingWeights, type RankingWeightsView } from '@gridline/contracts-analytics';
import { ReferenceRepository } from '@gridline/registry-reference';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { DEFAULT_RANKING_WEIGHTS, normaliseWeights } from '../../ranking-score';
import { rankingStreet, scopeMeetsStreet } from '../../ranking-street';
import { RankingWeightsRepository, type StoredRankingWeights } from '../../ranking-weights.repository';
import type { GetRankingWeightsQuery } from './get-ranking-weights.query';

const round3 = (w: RankingWeights) => Object.fromEntries(RANKING_PARTS.map((p) => [p, Math.round(w[p] * 1000) / 1000])) as RankingWeights;

/** The view of a street's weights: as set (or the defaults) and normalised. */
export function rankingWeightsView(street: string | null, streetName: string | null, stored: StoredRankingWeights | null): RankingWeightsView {
  const weights = stored?.weights ?? DEFAULT_RANKING_WEIGHTS;
  return {
    street,
    streetName,
    source: stored ? 'street' : 'default',
    weights,
    normalised: round3(normaliseWeights(weights)),
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
  };
}

/**
 * The weights a street's rankings use (`GET /api/v1/analytics/ranking-weights`): a figures reader whose scope meets
 * the street — covers it, or holds a unit in it (a community's centre reads its street's weights).
 */
@Injectable()
export class GetRankingWeightsUseCase {
  constructor(
    private readonly weights: RankingWeightsRepository,
    private readonly units: PartyFiguresRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, street }: GetRankingWeightsQuery): Promise<RankingWeightsView> {
    requireRole(caller, FIGURES_READERS, 'read the ranking weights');
    const unit = await rankingStreet(caller.units, street, this.units, (s) => scopeMeetsStreet(caller, s, this.units));
    return this.of(unit.code);
  }

  /** The weights a street ranks by (none set: the defaults); no street (a department's handler's league): the defaults. */
  async of(street: string | null): Promise<RankingWeightsView> {
    if (!street) return rankingWeightsView(null, null, null);
    const names = await this.reference.names({ units: [street] });
    return rankingWeightsView(street, names.unit(street), await this.weights.find(street));
  }
}
