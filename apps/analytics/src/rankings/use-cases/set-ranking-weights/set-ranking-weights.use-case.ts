import { Injectable } from '@nestjs/common';
import { isUnrestricted, requireRole } from '@gridline/auth';
import { AppError, CommonErrorCode, RequestContext } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { AnalyticsErrorCode, RANKING_PARTS, analyticsInvalid, type RankingWeights, type RankingWeightsView } from '@gridline/contracts-analytics';
import { PartyFiguresRepository } from '../../../party/party-figures.repository';
import { rankingStreet } from '../../ranking-street';
import { RankingWeightsRepository } from '../../ranking-weights.repository';
import { GetRankingWeightsUseCase } from '../get-ranking-weights/get-ranking-weights.use-case';
import type { SetRankingWeightsCommand } from './set-ranking-weights.command';

/** Who sets a street's weights: its own street admin, or an admin. */
const WEIGHTS_KEEPERS = ['admin', 'street_admin'] as const;

/**
 * Sets a street's ranking weights (`PUT /api/v1/analytics/ranking-weights`): the street's `street_admin` or an
 * admin (anyone else 403); each weight a non-negative number, not all zero (400 naming the field). The weights and
 * the audit row of the change (who, when, from what to what) commit together; the same weights again change nothing
 * and record nothing (a PUT is idempotent).
 */
@Injectable()
export class SetRankingWeightsUseCase {
  constructor(
    private readonly weights: RankingWeightsRepository,
    private readonly units: PartyFiguresRepository,
    private readonly read: GetRankingWeightsUseCase,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, street, weights }: SetRankingWeightsCommand): Promise<RankingWeightsView> {
    requireRole(caller, WEIGHTS_KEEPERS, 'set the ranking weights');
    const checked = checkWeights(weights);
    // A street admin sets only their own street's: another (or a unit beneath theirs) is 403, never looked up.
    const mayKeep = (code: string) => isUnrestricted(caller) || caller.units.includes(code);
    if (street && !mayKeep(street)) throw forbidden(street);
    const unit = await rankingStreet(caller.units, street, this.units, async (s) => {
      if (!mayKeep(s)) throw forbidden(s);
      return true;
    });
    await this.transactions.run(async () => {
      const previous = await this.weights.find(unit.code, true);
      if (previous && RANKING_PARTS.every((p) => previous.weights[p] === checked[p])) return;
      await this.weights.save(unit.code, checked, previous?.weights ?? null, { sub: caller.sub, roles: [...caller.roles], correlationId: RequestContext.correlationId() ?? null }, new Date());
    });
    return this.read.of(unit.code);
  }
}

const forbidden = (street: string) =>
  new AppError(CommonErrorCode.Forbidden, 'forbidden', `Only the street admin of ${street} (or an admin) sets its ranking weights`, { requiredRoles: [...WEIGHTS_KEEPERS] });

/** The weights as numbers of at most four places (the column's), each non-negative and finite, not all zero. */
function checkWeights(weights: RankingWeights): RankingWeights {
  for (const part of RANKING_PARTS) {
    const w = weights[part];
    if (typeof w !== 'number' || !Number.isFinite(w)) throw analyticsInvalid(part, 'must be a number');
    if (w < 0) throw analyticsInvalid(part, 'must not be negative');
    if (w > 1000) throw analyticsInvalid(part, 'must be at most 1000');
  }
  const rounded = Object.fromEntries(RANKING_PARTS.map((p) => [p, Math.round(weights[p] * 10_000) / 10_000])) as RankingWeights;
  if (RANKING_PARTS.every((p) => rounded[p] === 0)) {
    throw new AppError(AnalyticsErrorCode.Invalid, 'validation', `${RANKING_PARTS.join(', ')} must not all be zero`, {
      fields: RANKING_PARTS.map((field) => ({ field, reasons: ['must not be zero when every other weight is zero (the weights are used in proportion)'] })),
    });
  }
  return rounded;
}
