import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsGridCode, IsUnitCode } from '@gridline/contracts-registry';
import { IsOneOf, PageQuery, Trim } from '@gridline/platform';
import { ORGANISATION_LEVELS, type OrganisationLevel } from './organisation.types';

/** Body of POST /api/v1/party/organisations and `party-building.organisation.create`. */
export class CreateOrganisationRequest {
  @ApiProperty({ example: '中共新区街道某某社区网格一支部委员会' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_LEVELS })
  @IsOneOf(ORGANISATION_LEVELS)
  level!: OrganisationLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'The organisation above; required for every level but the working committee' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiProperty({ example: '370502003001001', description: 'The unit of the grid map it is bound to' })
  @IsUnitCode()
  unitCode!: string;
}

/** Body of PATCH /api/v1/party/organisations/:id. */
export class UpdateOrganisationBody {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ description: 'False dissolves the organisation (it must have no active organisation beneath it)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** `party-building.organisation.update`. */
export interface UpdateOrganisationRequest {
  id: string;
  changes: UpdateOrganisationBody;
}

/** `party-building.organisation.get`. */
export interface OrganisationIdRequest {
  id: string;
}

/** Query of GET /api/v1/party/organisations. */
export class ListOrganisationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only organisations bound to this unit or beneath it (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_LEVELS })
  @IsOptional()
  @IsOneOf(ORGANISATION_LEVELS)
  level?: OrganisationLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the organisations directly under this one' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;
}

/** How many grids one public branch lookup names (the public grid lookup answers at most 5). */
export const PUBLIC_BRANCHES_MAX = 10;

/** `party-building.organisation.public_branches`: the active branches of these grids (the public grid lookup's). */
export class PublicBranchesRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PUBLIC_BRANCHES_MAX)
  @IsGridCode({ each: true })
  gridCodes!: string[];
}
