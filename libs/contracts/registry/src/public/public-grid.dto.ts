import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/**
 * Query of GET /api/v1/public/grid and `registry.public_grid.find`: a point (`lat` and `lng`) or an `address`,
 * exactly one of the two (checked by the registry, which names the field).
 */
export class PublicGridQuery {
  @ApiPropertyOptional({ example: 37.4612, description: 'Latitude, WGS 84 (with lng)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ example: 118.5081, description: 'Longitude, WGS 84 (with lat)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;

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
