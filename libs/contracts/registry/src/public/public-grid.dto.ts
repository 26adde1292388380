import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalPointQuery } from '../unit.dto';

/**
 * Query of GET /api/v1/public/grid and `registry.public_grid.find`: a point (`lat` and `lng`) or an `address`,
 * exactly one of the two (checked by the registry, which names the field).
 */
export class PublicGridQuery extends OptionalPointQuery {
  @ApiPropertyOptional({
    example: '文汇小区3号楼',
    description:
      "A building's address, or part of it (2–100 characters): matched, without spaces, punctuation or case and with full-width characters folded, as a substring of the addresses of the registry's buildings in active grids",
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  address?: string;
}
