import { IsDateTime, IsOneOf } from '@gridline/platform';
import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsNumber,
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
import { IsDepartmentCode, IsMinorCategoryCode, IsUnitCode, OptionalPointQuery } from '@gridline/contracts-registry';
import { CommaSeparated, CursorQuery, ExportFormatQuery, ExportRequestOf, PageQuery, QueryBoolean, Trim } from '@gridline/platform';
import {
  APPEAL_ACTIONS,
  APPEAL_CHANNELS,
  APPEAL_STATUSES,
  APPEAL_TYPES,
  APPEAL_URGENCIES,
  RESOLUTIONS,
  SATISFACTIONS,
  type AppealAction,
  type AppealChannel,
  type AppealStatus,
  type AppealType,
  type AppealUrgency,
  type Resolution,
  type Satisfaction,
} from './appeal.types';

/** A caller's phone: a mainland mobile, or a landline with its area code (after `mobile` took spaces and +86 off). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}\d{7,8})$/;
const PHONE_MESSAGE = 'phone must be a mainland mobile or a landline with its area code';
const mobile = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s-]/g, '').replace(/^(\+?86|0086)(?=1\d{10}$)/, '') : value);

export class AppealCallerDto {
  @ApiPropertyOptional({ example: '王女士' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ example: '13805461234', description: 'Stored encrypted, answered masked' })
  @IsOptional()
  @Transform(mobile)
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class AppealLocationDto {
  @ApiPropertyOptional({ example: 37.4612 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ example: 118.5081 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng?: number;

  @ApiPropertyOptional({ example: '东城街道淮河路88号' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  address?: string;
}

/** Body of POST /api/v1/appeals. */
export class IntakeAppealRequest {
  @ApiProperty({ enum: APPEAL_CHANNELS })
  @IsOneOf(APPEAL_CHANNELS)
  channel!: AppealChannel;

  @ApiProperty({ enum: APPEAL_TYPES })
  @IsOneOf(APPEAL_TYPES)
  type!: AppealType;

  @ApiPropertyOptional({ type: AppealCallerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppealCallerDto)
  caller?: AppealCallerDto;

  @ApiProperty({ example: '小区门口垃圾堆放多日无人清理' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  content!: string;

  @ApiPropertyOptional({ example: 'ENV.GARBAGE', description: 'A minor category of the responsibility list (required to dispatch); an unknown or inactive one is refused with 400 naming categoryCode' })
  @IsOptional()
  @IsMinorCategoryCode()
  categoryCode?: string;

  @ApiPropertyOptional({ type: AppealLocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppealLocationDto)
  location?: AppealLocationDto;

  @ApiPropertyOptional({ enum: APPEAL_URGENCIES, default: 'general' })
  @IsOptional()
  @IsOneOf(APPEAL_URGENCIES)
  urgency?: AppealUrgency;

  @ApiPropertyOptional({
    example: '2026-11-26T09:30:00+08:00',
    description: 'When the call was taken, for an appeal recorded later (hotline operators only; not in the future, at most 90 days back): the dispatch limit counts from it',
  })
  @IsOptional()
  @IsDateTime()
  receivedAt?: string;
}

export class AppealOwnerDto {
  @ApiPropertyOptional({ example: 'URBAN_MGMT', description: 'An active department of the responsibility list; an unknown or inactive one is refused with 400 naming this field' })
  @IsOptional()
  @IsDepartmentCode()
  departmentCode?: string;

  @ApiPropertyOptional({ example: '370502003001001' })
  @IsOptional()
  @IsUnitCode()
  unitCode?: string;
}

/**
 * Body of POST /api/v1/appeals/:id/actions/:action. answer_directly — `text` (consultations); dispatch — optionally
 * `lead` and `coOwners` (else from the category and the location; no owner → the street) and `categoryCode` (the
 * appeal re-classified; the default owner follows the new category); return — `reason` (asks the dispatcher; the
 * appeal goes back only when approved); decide_return — `approve`, `reason` (required to refuse); raise_objection —
 * `reason`, optionally `owner` (the owner suggested instead); decide_objection — `approve` (uphold), `reason`
 * (required to dismiss), `owner` (who takes the assignment, default the suggested one); request_extension —
 * `reason`, `until`; decide_extension — `approve`; answer — `resolution`, `text`; callback — `satisfaction`; merge —
 * `intoId`; flag — `reason` (malicious repeated calls; the appeal is still recorded).
 */
export class AppealActionBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ type: AppealOwnerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppealOwnerDto)
  lead?: AppealOwnerDto;

  @ApiPropertyOptional({
    example: 'ENV.GARBAGE',
    description: 'dispatch only: re-classify the appeal (an active minor category of the responsibility list, else 400 naming categoryCode); recorded on the timeline, and the default owner follows it',
  })
  @IsOptional()
  @IsMinorCategoryCode()
  categoryCode?: string;

  @ApiPropertyOptional({ type: [AppealOwnerDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AppealOwnerDto)
  coOwners?: AppealOwnerDto[];

  @ApiPropertyOptional({
    type: AppealOwnerDto,
    description: 'raise_objection: the owner you suggest instead; decide_objection (upheld): who takes the assignment (default: the suggested one). An unknown code is a 400 naming this field',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppealOwnerDto)
  owner?: AppealOwnerDto;

  @ApiPropertyOptional({ enum: RESOLUTIONS })
  @IsOptional()
  @IsOneOf(RESOLUTIONS)
  resolution?: Resolution;

  @ApiPropertyOptional({ description: 'The reply to the caller' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  text?: string;

  @ApiPropertyOptional({ enum: SATISFACTIONS })
  @IsOptional()
  @IsOneOf(SATISFACTIONS)
  satisfaction?: Satisfaction;

  @ApiPropertyOptional({ description: 'New answer deadline asked for (ISO 8601)' })
  @IsOptional()
  @IsDateTime()
  until?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  approve?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  intoId?: string;

  @ApiPropertyOptional({
    example: '2026-09-14T10:30:00+08:00',
    description:
      "When the step was taken, for a history loaded later: the platform's demo seed only (anyone else: 400 naming `at`); not in the future, not before the appeal's last timeline entry. The step's deadlines, its timeline entry and its event carry that time",
  })
  @IsOptional()
  @IsDateTime()
  at?: string;
}

export class AppealActionRequest extends AppealActionBody {
  @IsUUID()
  id!: string;

  @IsOneOf(APPEAL_ACTIONS)
  action!: AppealAction;
}

export class AppealIdRequest {
  @IsUUID()
  id!: string;
}

/**
 * Query of GET /api/v1/appeals/related: what the operator has typed so far of a call not yet taken — the phone, the
 * category, the point picked (`lat` with `lng`: its grid is the place) — and the related appeals intake would answer
 * for it (RelatedAppeal).
 */
export class RelatedAppealsQuery extends OptionalPointQuery {
  @ApiPropertyOptional({ example: '13805461234', description: "The caller's phone, whole (matched through its keyed hash, never stored or logged in clear)" })
  @IsOptional()
  @Transform(mobile)
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ example: 'ENV.GARBAGE', description: 'The minor category chosen: narrows the same caller’s appeals to it, and finds the open ones of the same place' })
  @IsOptional()
  @IsMinorCategoryCode()
  categoryCode?: string;
}

/** Query of GET /api/v1/appeals: filters, and the page (`page`, `pageSize`). */
export class ListAppealsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPEAL_STATUSES })
  @IsOptional()
  @IsOneOf(APPEAL_STATUSES)
  status?: AppealStatus;

  @ApiPropertyOptional({ description: 'A work-order number (12345-YYYYMMDD-NNNNNN, exact), or a substring of the content or address' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '13805461234', description: "The caller's phone (matched through its keyed hash, never stored or logged in clear)" })
  @IsOptional()
  @Transform(mobile)
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string;

  @ApiPropertyOptional({ description: 'Only appeals with a step past its deadline (dispatch, signing for, answer), not closed' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'true: only appeals with an extension asked for and not yet decided (the deciding operators’ queue); false: only those without' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  pendingExtension?: boolean;
  @ApiPropertyOptional({ description: "The dispatcher's work queue: only appeals whose owner asked to return them (退单), waiting for a decision" })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  pendingReturn?: boolean;

  @ApiPropertyOptional({ description: 'Only appeals with an objection to an assignment (异议) waiting for a decision' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  pendingObjection?: boolean;

  @ApiPropertyOptional({ description: 'Only appeals led by this department or unit' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  owner?: string;

  @ApiPropertyOptional({ description: 'Received at or after (ISO 8601; a date alone is the start of that day, China time)' })
  @IsOptional()
  @IsDateTime({ allowDate: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Received before this date-time, or on or before this date (a date alone includes that day, China time)' })
  @IsOptional()
  @IsDateTime({ allowDate: true })
  to?: string;
}

/** Query of GET /api/v1/appeals/export: the list's filters (no page), and the file's format. */
export class ExportAppealsQuery extends IntersectionType(OmitType(ListAppealsQuery, ['page', 'pageSize'] as const), ExportFormatQuery) {}

/** `hotline.appeal.export.record`: the list's filters, the format and the most rows the gateway writes. */
export class RecordAppealExportRequest extends ExportRequestOf(ListAppealsQuery) {}

/**
 * `hotline.appeal.export.page`: the list's filters and a keyset cursor instead of a page number — the same appeals,
 * in the same order (newest first), read by `(received_at, id)` so that a long export neither slows down with the
 * offset nor repeats a row when new appeals arrive meanwhile.
 */
export class AppealCursorPageRequest extends IntersectionType(OmitType(ListAppealsQuery, ['page', 'pageSize'] as const), CursorQuery) {}

/** Query of GET /api/v1/appeals/figures. */
export class FiguresQuery {
  @ApiProperty({ example: '2026-09-01', description: 'Period start: received at or after (a date alone is the start of that day, China time)' })
  @IsDateTime({ allowDate: true })
  from!: string;

  @ApiProperty({ example: '2026-12-01', description: 'Period end: received before this date-time, or on or before this date (a date alone includes that day, China time)' })
  @IsDateTime({ allowDate: true })
  to!: string;
}

export const REVEALABLE_CALLER_FIELDS = ['name', 'phone'] as const;
export type RevealableCallerField = (typeof REVEALABLE_CALLER_FIELDS)[number];

/** Query of GET /api/v1/appeals/:id/caller: what of the caller to show in clear, and why (kept in the audit log). */
export class RevealCallerQuery {
  @ApiProperty({ example: 'phone', description: 'Comma-separated: name, phone' })
  @CommaSeparated()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsOneOf(REVEALABLE_CALLER_FIELDS, { each: true, message: 'fields must be name and/or phone' })
  fields!: RevealableCallerField[];

  @ApiProperty({ example: '回访核实办理结果', description: 'Why the clear value is needed (4–200 characters)' })
  @Trim()
  @IsString()
  @MinLength(4)
  @MaxLength(200)
  reason!: string;
}

export class RevealCallerRequest extends RevealCallerQuery {
  @IsUUID()
  id!: string;
}

/** Query of GET /api/v1/appeals/audit: the audited reveals of callers, newest first. */
export class CallerAuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  appealId?: string;

  @ApiPropertyOptional({ description: 'The actor (token subject)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;
}

/** A page of the appeals' snapshot (`hotline.appeal.snapshot`): `cursor` (the previous page's) and `limit`. */
export class AppealSnapshotQuery extends CursorQuery {}
