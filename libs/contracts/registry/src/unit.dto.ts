import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsUnitCode } from './identifiers/unit-code';
import { IsOneOf, PageQuery } from '@gridline/platform';
import { IsUnitBoundary } from './boundary.validator';
import { EXCLUSIVE_GRID_KINDS, UNIT_LEVELS, type ExclusiveGridKind, type UnitBoundary, type UnitLevel } from './unit.types';

const BOUNDARY_RULES =
  "2-D [longitude, latitude] positions, closed rings that neither cross nor touch, at most 2,000 positions, within the area limit of the level; inside the parent's boundary and not over an active unit of the same level under the street (10 m² tolerance; exclusive grids may lie over grids)";

const CODE_MESSAGE = 'must be 9 digits for a street (GB/T 2260 county + GB/T 10114 street), 12 for a community, 15 for a grid';

/** Body of POST /api/v1/units and of `registry.unit.create`. */
export class CreateUnitRequest {
  @ApiProperty({ example: '370502003008', description: 'Unique code: GB/T 2260 county (6) + GB/T 10114 street (3) for a street, + community (3), + grid sequence (3); a child code starts with its parent code' })
  @IsUnitCode({ message: `code ${CODE_MESSAGE}` })
  code!: string;

  @ApiProperty({ example: '胜利社区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: UNIT_LEVELS })
  @IsOneOf(UNIT_LEVELS)
  level!: UnitLevel;

  @ApiPropertyOptional({ example: '370502003', description: 'Required except for a street' })
  @IsOptional()
  @IsUnitCode({ message: `parentCode ${CODE_MESSAGE}` })
  parentCode?: string;

  @ApiPropertyOptional({ enum: EXCLUSIVE_GRID_KINDS, description: 'Required for an exclusive grid, not allowed otherwise' })
  @IsOptional()
  @IsOneOf(EXCLUSIVE_GRID_KINDS)
  kind?: ExclusiveGridKind;

  @ApiPropertyOptional({ description: `GeoJSON Polygon or MultiPolygon, required for grids and exclusive grids: ${BOUNDARY_RULES}` })
  @IsOptional()
  @IsObject()
  @IsUnitBoundary()
  boundary?: UnitBoundary;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** Body of PATCH /api/v1/units/:code: what may change (code, level and parent are fixed). */
export class UpdateUnitBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: EXCLUSIVE_GRID_KINDS })
  @IsOptional()
  @IsOneOf(EXCLUSIVE_GRID_KINDS)
  kind?: ExclusiveGridKind;

  @ApiPropertyOptional({ description: `GeoJSON Polygon or MultiPolygon: ${BOUNDARY_RULES}` })
  @IsOptional()
  @IsObject()
  @IsUnitBoundary()
  boundary?: UnitBoundary;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** `registry.unit.update`. */
export class UpdateUnitRequest {
  @IsUnitCode({ message: `code ${CODE_MESSAGE}` })
  code!: string;

  @ValidateNested()
  @Type(() => UpdateUnitBody)
  changes!: UpdateUnitBody;
}

/** `registry.unit.get` and `registry.unit.children`. */
export class UnitCodeRequest {
  @IsString()
  @IsNotEmpty()
  code!: string;
}

/** Query of GET /api/v1/units and of `registry.unit.list`. */
export class ListUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the children of this unit' })
  @IsOptional()
  @IsString()
  parent?: string;

  @ApiPropertyOptional({ enum: UNIT_LEVELS })
  @IsOptional()
  @IsOneOf(UNIT_LEVELS)
  level?: UnitLevel;

  @ApiPropertyOptional({ description: 'Matches name or code (case-insensitive, partial)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

/** Query of GET /api/v1/locate and of `registry.unit.locate`. */
export class LocateQuery {
  @ApiProperty({ example: 37.4612, description: 'Latitude, WGS 84' })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;

  @ApiProperty({ example: 118.5081, description: 'Longitude, WGS 84' })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng!: number;
}

/** A point that may be left out: `lat` and `lng` as LocateQuery's, both optional (whoever takes it checks they come together). */
export class OptionalPointQuery extends PartialType(LocateQuery) {}
