import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCategoryCode, IsDepartmentCode, IsGridCode, IsMinorCategoryCode, IsUnitCode } from '@gridline/contracts-registry';
import { CursorQuery, ExportFormatQuery, ExportRequestOf, IsDateTime, IsOneOf, QueryBoolean, Trim } from '@gridline/platform';
import {
  HANDLING_RESOLUTIONS,
  INCIDENT_ACTIONS,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  INCIDENT_URGENCIES,
  SUPERVISION_CARDS,
  type HandlingResolution,
  type IncidentAction,
  type IncidentSource,
  type IncidentStatus,
  type IncidentUrgency,
  type SupervisionCard,
} from './incident.types';


export class IncidentLocationDto {
  @ApiProperty({ example: 37.4612 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;

  @ApiProperty({ example: 118.5081 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng!: number;

  @ApiProperty({ example: '淮河路与府前街路口东北角' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  address!: string;
}

/**
 * An attachment: best an uploaded photo by its id (`photoId`, from `POST /api/v1/incidents/:id/photos`), or — the
 * older form — a file elsewhere by its https `url`, `mediaType` and `sha256` (all three, then).
 */
export class IncidentAttachmentDto {
  @ApiPropertyOptional({ format: 'uuid', description: "A photo uploaded to this case (for handle: an after photo); url, mediaType and sha256 come from it" })
  @IsOptional()
  @IsUUID('all', { message: 'photoId must be the id of an uploaded photo' })
  photoId?: string;

  @ApiPropertyOptional({ example: 'https://objects.example.gov.cn/gridline/2026/11/27/abc.jpg', description: 'Without photoId: the file\'s https URL' })
  @ValidateIf((a: IncidentAttachmentDto) => a.photoId === undefined)
  @Matches(/^https:\/\/\S+$/, { message: 'url must be an https URL' })
  @MaxLength(500)
  url?: string;

  @ApiPropertyOptional({ example: 'image/jpeg' })
  @ValidateIf((a: IncidentAttachmentDto) => a.photoId === undefined)
  @Matches(/^(image|video|audio|application)\/[\w.+-]+$/, { message: 'mediaType must be a media type such as image/jpeg' })
  mediaType?: string;

  @ApiPropertyOptional({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @ValidateIf((a: IncidentAttachmentDto) => a.photoId === undefined)
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex characters' })
  sha256?: string;
}

/** Body of POST /api/v1/incidents. */
export class ReportIncidentRequest {
  @ApiProperty({ example: 'ENV.GARBAGE', description: 'A minor category of the responsibility list' })
  @IsMinorCategoryCode()
  categoryCode!: string;

  @ApiProperty({ example: '小区东门垃圾堆放' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title!: string;

  @ApiProperty({ example: '东门外绿化带旁堆放建筑垃圾约两方，已影响通行。' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional({ type: IncidentLocationDto, description: 'Required unless gridCode is given; the grid is resolved from it. Given with gridCode, it must lie inside that grid (400 naming location otherwise)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => IncidentLocationDto)
  location?: IncidentLocationDto;

  @ApiPropertyOptional({ example: '370502003001001' })
  @IsOptional()
  @IsGridCode()
  gridCode?: string;

  @ApiPropertyOptional({ enum: INCIDENT_URGENCIES, default: 'normal' })
  @IsOptional()
  @IsOneOf(INCIDENT_URGENCIES)
  urgency?: IncidentUrgency;

  @ApiProperty({ enum: INCIDENT_SOURCES })
  @IsOneOf(INCIDENT_SOURCES)
  source!: IncidentSource;

  @ApiPropertyOptional({ type: [IncidentAttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IncidentAttachmentDto)
  attachments?: IncidentAttachmentDto[];

  @ApiPropertyOptional({
    example: '2026-11-26T09:30:00+08:00',
    description:
      "When the matter was found, for a case recorded later (the grid centre, at most 30 days back; the platform's demo seed loading a history, at most a year back): its clock starts then, and its events carry that time",
  })
  @IsOptional()
  @IsDateTime()
  reportedAt?: string;

  @ApiPropertyOptional({ example: '12345-20261127-000123', description: 'The hotline appeal this case comes from' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  appealRef?: string;
}

/**
 * `incidents.incident.report`: the report, and a permanent key naming where the case comes from when there is one
 * (the seed's cases, an appeal, a visit). A client's retry key travels as the Idempotency-Key bus header instead.
 */
export class ReportIncidentCommandRequest {
  @ValidateNested()
  @Type(() => ReportIncidentRequest)
  incident!: ReportIncidentRequest;

  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  idempotencyKey?: string;
}

/**
 * Body of POST /api/v1/incidents/:id/actions/:action. Which fields an action needs: reject, return, cancel,
 * request_extension — `reason`; dispatch — optionally `ownerDepartmentCode` or `ownerUnitCode` (else the
 * category's owner); handle — `result` (and `resolution`); verify — `passed`; evaluate — `rating`; request_extension — `until`;
 * decide_extension — `approve`; merge — `intoId`.
 */
export class IncidentActionBody {
  @ApiPropertyOptional({ description: 'The version you saw; a case changed since answers 409' })
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

  @ApiPropertyOptional({ example: 'URBAN_MGMT', description: 'An active department of the responsibility list; an unknown or inactive one is refused with 400 naming this field' })
  @IsOptional()
  @IsDepartmentCode()
  ownerDepartmentCode?: string;

  @ApiPropertyOptional({ example: '370502003001' })
  @IsOptional()
  @IsUnitCode()
  ownerUnitCode?: string;

  @ApiPropertyOptional({ description: 'Handling result' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  result?: string;

  @ApiPropertyOptional({
    enum: HANDLING_RESOLUTIONS,
    description: 'With handle: how far the matter is resolved (default resolved); a case of a hotline appeal answers the caller with it',
  })
  @IsOptional()
  @IsOneOf(HANDLING_RESOLUTIONS)
  resolution?: HandlingResolution;

  @ApiPropertyOptional({ type: [IncidentAttachmentDto], description: 'After-photos of the handling' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IncidentAttachmentDto)
  attachments?: IncidentAttachmentDto[];

  @ApiPropertyOptional({ description: 'Verification on site: passed closes the case, failed sends it back (rework)' })
  @IsOptional()
  @IsBoolean()
  passed?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional({ description: 'New due time asked for by an extension (ISO 8601)' })
  @IsOptional()
  @IsDateTime()
  until?: string;

  @ApiPropertyOptional({ description: 'Decision on a pending extension' })
  @IsOptional()
  @IsBoolean()
  approve?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'The case this one duplicates' })
  @IsOptional()
  @IsUUID()
  intoId?: string;

  @ApiPropertyOptional({
    example: '2026-09-14T10:30:00+08:00',
    description:
      "When the step was taken, for a history loaded later: the platform's demo seed only (anyone else: 400 naming `at`); not in the future, not before the case's last timeline entry. The step's clock, its timeline entry and its event carry that time",
  })
  @IsOptional()
  @IsDateTime()
  at?: string;
}

/** `incidents.incident.act`. */
export class IncidentActionRequest extends IncidentActionBody {
  @IsUUID()
  id!: string;

  @IsOneOf(INCIDENT_ACTIONS)
  action!: IncidentAction;
}

export class IncidentIdRequest {
  @IsUUID()
  id!: string;
}

/** Query of GET /api/v1/incidents: filters, the order, and the page (`cursor`, `limit`). */
export class ListIncidentsQuery extends CursorQuery {
  @ApiPropertyOptional({ description: 'Only cases at or beneath this unit (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: INCIDENT_STATUSES })
  @IsOptional()
  @IsOneOf(INCIDENT_STATUSES)
  status?: IncidentStatus;

  @ApiPropertyOptional({ example: 'ENV.GARBAGE', description: 'A category, or a major category (ENV) for all beneath it' })
  @IsOptional()
  @IsCategoryCode()
  category?: string;

  @ApiPropertyOptional({ enum: INCIDENT_URGENCIES })
  @IsOptional()
  @IsOneOf(INCIDENT_URGENCIES)
  urgency?: IncidentUrgency;

  @ApiPropertyOptional({ enum: INCIDENT_SOURCES })
  @IsOptional()
  @IsOneOf(INCIDENT_SOURCES)
  source?: IncidentSource;

  @ApiPropertyOptional({ description: 'Only cases whose current step is past due' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only cases under supervision (a warning, yellow or red card)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  supervised?: boolean;

  @ApiPropertyOptional({ enum: SUPERVISION_CARDS, description: 'Only cases carrying this supervision card now: warning, yellow or red (escalated); none for the unsupervised' })
  @IsOptional()
  @IsOneOf(SUPERVISION_CARDS)
  card?: SupervisionCard;

  @ApiPropertyOptional({ example: '2026-12-04T08:00:00+08:00', description: "Only cases whose current step is due before this moment (ISO 8601; a date alone: before the end of that day, China time) — with sort=due, what falls due first; with overdue=true, those already past it" })
  @IsOptional()
  @IsDateTime({ allowDate: true })
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Reported at or after (ISO 8601; a date alone is the start of that day, China time)' })
  @IsOptional()
  @IsDateTime({ allowDate: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Reported before this date-time, or on or before this date (a date alone includes that day, China time)' })
  @IsOptional()
  @IsDateTime({ allowDate: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Substring of the title, description or address (works for Chinese text), or a work-order number (GX-YYYYMMDD-NNNNNN, exact)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['newest', 'oldest', 'due'], default: 'newest' })
  @IsOptional()
  @IsIn(['newest', 'oldest', 'due'])
  sort?: 'newest' | 'oldest' | 'due';
}

/** Query of GET /api/v1/incidents/export: the list's filters and order (no page), and the file's format. */
export class ExportIncidentsQuery extends IntersectionType(OmitType(ListIncidentsQuery, ['cursor', 'limit'] as const), ExportFormatQuery) {}

/** `incidents.incident.export.record`: the list's filters, the format and the most rows the gateway writes. */
export class RecordIncidentExportRequest extends ExportRequestOf(ListIncidentsQuery) {}

export class IncidentCountsQuery {
  @ApiPropertyOptional({ description: 'Only the cases at or beneath this unit (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: ['unit'], description: "by=unit: the same counts also per unit — `unit` and every unit beneath it on the cases' paths (without `unit`: your units and beneath), in one answer (`units`)" })
  @IsOptional()
  @IsIn(['unit'])
  by?: 'unit';
}

/** A page of the cases' snapshot (`incidents.incident.snapshot`): `cursor` (the previous page's) and `limit`. */
export class IncidentSnapshotQuery extends CursorQuery {}
