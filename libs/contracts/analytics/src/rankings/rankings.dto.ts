import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsUnitCode } from '@gridline/contracts-registry';
import { FiguresQuery } from '../figures/figures.dto';

/** What a ranking ranks: the communities of a street, the grids (and exclusive grids) beneath a unit, or the departments. */
export const RANKING_LEVELS = ['community', 'grid', 'department'] as const;
export type RankingLevel = (typeof RANKING_LEVELS)[number];

/** The parts of a ranking's composite score (definitions: docs/analytics.md). */
export const RANKING_PARTS = ['onTime', 'resolution', 'satisfaction', 'rework'] as const;
export type RankingPart = (typeof RANKING_PARTS)[number];

/** Query of GET /api/v1/analytics/rankings (and `analytics.rankings.get`): the period exactly as the figures take it. */
export class RankingsQuery extends PickType(FiguresQuery, ['period', 'from', 'to'] as const) {
  @ApiPropertyOptional({ example: '370502003', description: 'The street (or community) in your scope whose units are ranked (default your first unit); departments: over the cases beneath it' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: RANKING_LEVELS, description: 'What is ranked: community (a street’s), grid (beneath the unit) or department; default the level beneath the unit (a street: community, a community: grid)' })
  @IsOptional()
  @IsIn(RANKING_LEVELS)
  level?: RankingLevel;
}

/** Query of GET|PUT /api/v1/analytics/ranking-weights (and `analytics.rankings.weights.get`). */
export class RankingWeightsQuery {
  @ApiPropertyOptional({ example: '370502003', description: 'The street whose weights (default the street of your first unit)' })
  @IsOptional()
  @IsUnitCode()
  street?: string;
}

const weight = (description: string) =>
  applyDecorators(
    ApiProperty({ example: 0.3, minimum: 0, maximum: 1000, description }),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number' }),
    Min(0, { message: '$property must not be negative' }),
    Max(1000, { message: '$property must be at most 1000' }),
  );

/**
 * Body of PUT /api/v1/analytics/ranking-weights: the street's weight of each part, non-negative and not all zero;
 * they are used in proportion (normalised to sum 1), so `{ 3, 3, 2, 2 }` and `{ 0.3, 0.3, 0.2, 0.2 }` are the same.
 */
export class RankingWeightsBody {
  @weight('Weight of the on-time part (steps ended on time / steps counted)')
  onTime!: number;

  @weight('Weight of the resolution part (cases accepted in the period and closed by its end / accepted)')
  resolution!: number;

  @weight('Weight of the satisfaction part (evaluations rated 4 or 5 and appeals closed satisfied / evaluations and rated appeals)')
  satisfaction!: number;

  @weight('Weight of the rework part (closed cases never reworked / closed cases)')
  rework!: number;
}

/** `analytics.rankings.weights.set`: the street and its weights. */
export class SetRankingWeightsRequest extends RankingWeightsBody {
  @IsOptional()
  @IsUnitCode()
  street?: string;
}

/** Query of GET /api/v1/analytics/rankings/league (and `analytics.rankings.league`). */
export class LeagueTableQuery {
  @ApiPropertyOptional({ example: '370502003', description: 'The street in your scope (default your first unit)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ example: '2026-11', description: 'The month (YYYY-MM, China time; default this month)' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month as YYYY-MM' })
  month?: string;
}
