import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '@gridline/platform';
import { IsUnitCode } from '@gridline/contracts-registry';

/** Query of GET /api/v1/analytics/party (and `analytics.party.figures`). */
export class PartyFiguresQuery {
  @ApiPropertyOptional({ example: '370502003', description: 'The unit whose figures, and those of each unit directly beneath it, to answer (within your scope); none: the units of your scope' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day of the period (China time, inclusive); default 29 days before `to`' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day of the period (China time, inclusive); default today. At most 366 days from `from`' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
