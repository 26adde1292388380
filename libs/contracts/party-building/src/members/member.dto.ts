import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsUnitCode } from '@gridline/contracts-registry';
import { CommaSeparated, IsCalendarDate, IsMainlandMobile, IsOneOf, IsResidentIdNumber, NormalizeMobile, NormalizeResidentId, PageQuery, Trim } from '@gridline/platform';
import { MEMBER_REVEALABLE_FIELDS, MEMBER_STATUSES, type MemberRevealableField, type MemberStatus } from './member.types';

/** Body of POST /api/v1/party/members and `party-building.member.create`. */
export class CreateMemberRequest {
  @ApiProperty({ example: '张三' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '11010519491231002X', description: 'GB 11643 resident ID number (unique among members)' })
  @NormalizeResidentId()
  @IsResidentIdNumber()
  idNumber!: string;

  @ApiProperty({ example: '13805461234' })
  @NormalizeMobile()
  @IsMainlandMobile()
  phone!: string;

  @ApiProperty({ enum: MEMBER_STATUSES })
  @IsOneOf(MEMBER_STATUSES)
  status!: MemberStatus;

  @ApiProperty({ example: '2015-07-01', description: 'The day they joined the party (not in the future)' })
  @IsCalendarDate()
  joinedOn!: string;

  @ApiProperty({ format: 'uuid', description: 'An active organisation in your scope' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;

  @ApiProperty({ example: '370502003001001', description: 'The grid or exclusive grid where they live' })
  @IsUnitCode()
  homeGridCode!: string;

  @ApiPropertyOptional({ description: "The login subject (a token's sub) of the member's own account (unique)" })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'account must not be empty' })
  @MaxLength(100)
  account?: string;
}

/** Body of PATCH /api/v1/party/members/:id: a new standing, phone, organisation (a transfer), home grid or account. */
export class UpdateMemberBody {
  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsOneOf(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional({ example: '13805461234' })
  @IsOptional()
  @NormalizeMobile()
  @IsMainlandMobile()
  phone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Transfers the member to another active organisation in your scope' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ example: '370502003001001' })
  @IsOptional()
  @IsUnitCode()
  homeGridCode?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The login subject to link, or null to unlink' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'account must not be empty' })
  @MaxLength(100)
  account?: string | null;
}

/** `party-building.member.update` (the changes validated again where the service receives them). */
export class UpdateMemberRequest {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @ValidateNested()
  @Type(() => UpdateMemberBody)
  changes!: UpdateMemberBody;
}

/** `party-building.member.get`. */
export class MemberIdRequest {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Query of GET /api/v1/party/members. */
export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only members of this organisation' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ description: "Only members whose organisation is bound to this unit or beneath it (within your scope)" })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsOneOf(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional({ description: 'Exact ID number (searched through its keyed hash)' })
  @IsOptional()
  @NormalizeResidentId()
  @IsResidentIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({ description: 'Exact mobile number (searched through its keyed hash)' })
  @IsOptional()
  @NormalizeMobile()
  @IsMainlandMobile()
  phone?: string;
}

/** Body of POST /api/v1/party/members/:id/reveal: what to show in clear, and why (kept in the audit log). */
export class RevealMemberBody {
  @ApiProperty({ example: ['idNumber', 'phone'], enum: MEMBER_REVEALABLE_FIELDS, isArray: true })
  @CommaSeparated()
  @IsArray({ message: 'fields must be a list of name, idNumber, phone' })
  @ArrayUnique()
  @IsOneOf(MEMBER_REVEALABLE_FIELDS, { each: true, message: 'fields must be name, idNumber and/or phone' })
  fields!: MemberRevealableField[];

  @ApiProperty({ example: '核实党员信息', description: 'Why the clear value is needed (4–200 characters)' })
  @Trim()
  @IsString({ message: 'reason must be a string' })
  @MinLength(4, { message: 'reason must be 4–200 characters' })
  @MaxLength(200, { message: 'reason must be 4–200 characters' })
  reason!: string;
}

/** `party-building.member.reveal`. */
export class RevealMemberRequest extends RevealMemberBody {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Query of GET /api/v1/party/members/audit: the reveals of members in your scope, newest first. */
export class MemberAuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId?: string;

  @ApiPropertyOptional({ description: 'The actor (token subject)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;
}
