import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsGridCode, IsUnitCode } from '../identifiers/unit-code';
import { REGISTER_KINDS, type RegisterKind } from '@gridline/auth';
import { CommaSeparated, IsOneOf, PageQuery, Trim } from '@gridline/platform';
import { IsMainlandMobile, NormalizeMobile } from '../identifiers/mobile';
import { IsResidentIdNumber, NormalizeResidentId } from '../identifiers/resident-id';
import { IsUnifiedSocialCreditCode, normalizeUscc } from '../identifiers/uscc';
import { IMPORT_KINDS, RESIDENT_TAGS, type ImportKind, type ResidentTag } from './registers.types';

/** Paging and scope narrowing shared by the register lists. */
export class RegisterListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only records at or beneath this unit (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ description: 'Text search (address or name, partial)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateBuildingRequest {
  @ApiProperty({ example: '370502003001001', description: 'The grid (or exclusive grid) the building stands in' })
  @IsGridCode()
  gridCode!: string;

  @ApiProperty({ example: '东城街道文汇小区3号楼' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address!: string;

  @ApiPropertyOptional({ example: '文汇小区3号楼' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 6, minimum: 1, maximum: 200 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  floors?: number;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 100, description: 'Entrances (单元)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  unitCount?: number;
}

export class UpdateBuildingBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  floors?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  unitCount?: number;
}

export class CreateHouseholdRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The building; its grid and address are taken from it' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ example: '370502003001001', description: 'Required without buildingId' })
  @IsOptional()
  @IsGridCode()
  gridCode?: string;

  @ApiPropertyOptional({ example: '东城街道文汇小区3号楼', description: 'Required without buildingId' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ example: '2-301' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  room?: string;
}

export class UpdateHouseholdBody {
  @ApiPropertyOptional({ format: 'uuid', description: 'The head of household: a resident of this household' })
  @IsOptional()
  @IsUUID()
  headResidentId?: string;
}

export class CreateResidentRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The household; the grid is taken from it' })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({ example: '370502003001001', description: 'Required without householdId' })
  @IsOptional()
  @IsGridCode()
  gridCode?: string;

  @ApiProperty({ example: '张三' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '11010519491231002X', description: 'GB 11643 resident ID number; sex and birth date are derived from it' })
  @NormalizeResidentId()
  @IsResidentIdNumber()
  idNumber!: string;

  @ApiPropertyOptional({ example: '13805461234' })
  @IsOptional()
  @NormalizeMobile()
  @IsMainlandMobile()
  phone?: string;

  @ApiPropertyOptional({ enum: RESIDENT_TAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(RESIDENT_TAGS.length)
  @IsOneOf(RESIDENT_TAGS, { each: true })
  tags?: ResidentTag[];
}

export class UpdateResidentBody {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: 'A mainland mobile, or null to remove it' })
  @IsOptional()
  @NormalizeMobile()
  @IsMainlandMobile()
  phone?: string;

  @ApiPropertyOptional({ enum: RESIDENT_TAGS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsOneOf(RESIDENT_TAGS, { each: true })
  tags?: ResidentTag[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;
}

export class ResidentSearchQuery extends RegisterListQuery {
  @ApiPropertyOptional({ description: 'Exact resident ID number (searched through its keyed hash)' })
  @IsOptional()
  @NormalizeResidentId()
  @IsResidentIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({ description: 'Exact mobile number (searched through its keyed hash)' })
  @IsOptional()
  @NormalizeMobile()
  @IsMainlandMobile()
  phone?: string;

  @ApiPropertyOptional({ enum: RESIDENT_TAGS })
  @IsOptional()
  @IsOneOf(RESIDENT_TAGS)
  tag?: ResidentTag;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;
}

export const REVEALABLE_FIELDS = ['idNumber', 'phone'] as const;

/** Query of GET /api/v1/residents/:id/reveal: what to show in clear, and why (kept in the audit log). */
export class RevealQuery {
  @ApiProperty({ example: 'idNumber,phone', description: 'Comma-separated: idNumber, phone' })
  @CommaSeparated()
  @IsArray()
  @ArrayUnique()
  @IsOneOf(REVEALABLE_FIELDS, { each: true, message: 'fields must be idNumber and/or phone' })
  fields!: ('idNumber' | 'phone')[];

  @ApiProperty({ example: '核实低保申请', description: 'Why the clear value is needed (4–200 characters)' })
  @Trim()
  @IsString()
  @MinLength(4)
  @MaxLength(200)
  reason!: string;
}

export class CreateBusinessRequest {
  @ApiProperty({ example: '370502003002903', description: 'The exclusive grid (or grid) the business is in' })
  @IsGridCode()
  gridCode!: string;

  @ApiProperty({ example: '东营市淮河路便利店有限公司' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '91370502MA3C12345X', description: 'Unified social credit code (GB 32100)' })
  @Transform(({ value }) => (typeof value === 'string' ? normalizeUscc(value) : value))
  @IsUnifiedSocialCreditCode()
  creditCode!: string;

  @ApiPropertyOptional({ example: '李经理' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  contactName?: string;

  @ApiPropertyOptional({ example: '13905469876' })
  @IsOptional()
  @NormalizeMobile()
  @IsMainlandMobile()
  contactPhone?: string;
}

export class UpdateBusinessBody {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  contactName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @NormalizeMobile()
  @IsMainlandMobile()
  contactPhone?: string;
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ description: 'The actor (token subject)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;
}

/** Bus-side wrappers: an id with a body. */
export class RecordIdRequest {
  @IsUUID()
  id!: string;
}

export class UpdateBuildingRequest extends UpdateBuildingBody {
  @IsUUID()
  id!: string;
}

export class UpdateHouseholdRequest extends UpdateHouseholdBody {
  @IsUUID()
  id!: string;
}

export class UpdateResidentRequest {
  @IsUUID()
  id!: string;

  @ValidateNested()
  @Type(() => UpdateResidentBody)
  changes!: UpdateResidentBody;
}

export class UpdateBusinessRequest extends UpdateBusinessBody {
  @IsUUID()
  id!: string;
}

export class RevealResidentRequest extends RevealQuery {
  @IsUUID()
  id!: string;
}

export class UnitQualityRequest {
  @IsUnitCode()
  code!: string;
}

/** `registry.import.start`. */
export class StartImportRequest {
  @IsOneOf(IMPORT_KINDS)
  kind!: ImportKind;

  /** A client-chosen id, so that the client can follow progress while it is still uploading. */
  @IsOptional()
  @IsUUID()
  jobId?: string;

  /**
   * SHA-256 (hex) of the file's header and first batch, sent by the gateway: it is not stored, it makes a start
   * retried with the same Idempotency-Key but another file a different request (422 IDEMPOTENCY_KEY_REUSED).
   */
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'fileFingerprint must be a SHA-256 in hex' })
  fileFingerprint?: string;
}

/** Path and query of POST /api/v1/imports/:kind. */
export class ImportKindParam {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsOneOf(IMPORT_KINDS, { message: `kind must be one of ${IMPORT_KINDS.join(', ')}` })
  kind!: ImportKind;
}

export class ImportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Your own id for this import: poll GET /api/v1/imports/{id} with it while uploading' })
  @IsOptional()
  @IsUUID()
  importId?: string;
}

export class ImportIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

/** `registry.import.batch`: rows of a CSV file as header → value, numbered from `firstRow`. */
export class ImportBatchRequest {
  @IsUUID()
  jobId!: string;

  @IsInt()
  @Min(2)
  firstRow!: number;

  @IsArray()
  @ArrayMaxSize(2000)
  @IsObject({ each: true })
  rows!: Record<string, string>[];
}

export class ImportJobRequest {
  @IsUUID()
  jobId!: string;
}

// The kinds are defined beside the access table in @gridline/auth (who may do what with each).
export { REGISTER_KINDS, type RegisterKind };

/** `registry.record.delete`: removes a building, household, resident or business. */
export class DeleteRecordRequest {
  @IsOneOf(REGISTER_KINDS)
  kind!: RegisterKind;

  @IsUUID()
  id!: string;
}
