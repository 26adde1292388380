import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '@gridline/platform';
import { IsCategoryCode, IsUnitCode } from '@gridline/contracts-registry';

/** How hot spots are grouped: category × the unit's children, per grid, or per H3 hexagon (the map's heat layer). */
export const HOTSPOT_GROUPINGS = ['category', 'grid', 'hex'] as const;
export type HotspotGrouping = (typeof HOTSPOT_GROUPINGS)[number];

/** The H3 resolutions of `by=hex` (precomputed per case): 7 (about 5 km² a cell), 8 (0.7 km²), 9 (0.1 km²). */
export const HEX_RESOLUTIONS = [7, 8, 9] as const;
export type HexResolution = (typeof HEX_RESOLUTIONS)[number];

/** The buckets of a trend: China days, or ISO weeks (Monday to Sunday, China time). */
export const TREND_INTERVALS = ['day', 'week'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** A unit of the caller's scope and a period of China days: the query of hot spots, trends and the staff workload. */
export class PeriodOfUnit {
  @ApiPropertyOptional({ example: '370502003', description: 'A street, community or exclusive grid in your scope (default your first unit)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day (China time, inclusive); neither from nor to: the month of today' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day (China time, inclusive; default today), at most 366 days from `from`' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** Query of GET /api/v1/analytics/hotspots (and `analytics.hotspots.get`). */
export class HotspotsQuery extends PeriodOfUnit {
  @ApiPropertyOptional({
    enum: HOTSPOT_GROUPINGS,
    description: 'Each spot counts the grid cases reported and the 12345 appeals received. category: by category × the unit directly beneath (default; an appeal not located at a grid at its street itself); grid: per grid beneath the unit; hex: per H3 cell of their location (cells with centre and boundary, cases and appeals without a location counted apart)',
  })
  @IsOptional()
  @IsIn(HOTSPOT_GROUPINGS)
  by?: HotspotGrouping;

  @ApiPropertyOptional({ enum: HEX_RESOLUTIONS, description: 'H3 resolution of by=hex (default 8): 7 about 5 km² a cell, 8 about 0.7 km², 9 about 0.1 km²' })
  @IsOptional()
  @Type(() => Number)
  @IsIn(HEX_RESOLUTIONS)
  resolution?: HexResolution;

  @ApiPropertyOptional({ example: 'ENV.GARBAGE', description: 'Only the cases and appeals of this category (exactly this code)' })
  @IsOptional()
  @IsCategoryCode()
  category?: string;
}

/** Query of GET /api/v1/analytics/trends (and `analytics.trends.get`). */
export class TrendsQuery extends PeriodOfUnit {
  @ApiPropertyOptional({ example: 'ROAD', description: 'One category; without it a series per category of the top 5 reported in the period' })
  @IsOptional()
  @IsCategoryCode()
  category?: string;

  @ApiPropertyOptional({ enum: TREND_INTERVALS, description: 'day (default) or week (ISO, Monday first, China time)' })
  @IsOptional()
  @IsIn(TREND_INTERVALS)
  interval?: TrendInterval;
}
