import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsUnitCode } from '@gridline/contracts-registry';

/** Query of GET /api/v1/party/coverage and `party-building.coverage.get`. */
export class CoverageQuery {
  @ApiPropertyOptional({ example: '370502003001', description: 'A unit of your scope (default: your whole scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;
}
