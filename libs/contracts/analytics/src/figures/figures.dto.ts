import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '@gridline/platform';
import { IsDepartmentCode, IsUnitCode } from '@gridline/contracts-registry';

/** The calendar periods of the figures (China time; a week runs Monday to Sunday). */
export const FIGURES_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type FiguresPeriodKind = (typeof FIGURES_PERIODS)[number];

/** Query of GET /api/v1/analytics/figures (and `analytics.figures.get`). */
export class FiguresQuery {
  @ApiPropertyOptional({ example: '370502003001', description: 'The unit (street, community, grid or exclusive grid) in your scope; one of unit or department, default your first unit' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ example: 'URBAN_MGMT', description: 'A department (the cases it owned); a department handler: their own' })
  @IsOptional()
  @IsDepartmentCode({ message: 'department must be a department code (2–32 characters A-Z, 0-9 or _, starting with a letter)' })
  department?: string;

  @ApiPropertyOptional({ enum: FIGURES_PERIODS, description: 'A calendar period holding the day `from` (default today); without it, `from`–`to`' })
  @IsOptional()
  @IsIn(FIGURES_PERIODS)
  period?: FiguresPeriodKind;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'With period: any day of it (the anchor); else the first day (China time, inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day (China time, inclusive; default today), at most 366 days from `from`; not with period' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
