import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsMinorCategoryCode, IsUnitCode, IsWorkPhone, LocateQuery, normalizeWorkPhone } from '@gridline/contracts-registry';
import { INCIDENT_URGENCIES, type IncidentUrgency } from '@gridline/contracts-incidents';
import { IsCalendarDate, IsOneOf, PageQuery, QueryBoolean, Trim } from '@gridline/platform';
import { NEAREST_STATIONS_MAX, STATION_FUNCTIONS, WEEKDAYS, type StationFunction, type Weekday } from './station.types';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_OR_MIDNIGHT = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** A point of a station, WGS 84 (the registry's locate query: the same checks). */
export class StationLocationDto extends LocateQuery {}

/** One opening period of a station. */
export class OpeningPeriodDto {
  @ApiProperty({ enum: WEEKDAYS })
  @IsOneOf(WEEKDAYS)
  day!: Weekday;

  @ApiProperty({ example: '08:30', description: 'HH:mm, China time' })
  @Matches(HH_MM, { message: 'opens must be a time HH:mm' })
  opens!: string;

  @ApiProperty({ example: '17:30', description: 'HH:mm (24:00 for midnight), after opens' })
  @Matches(HH_MM_OR_MIDNIGHT, { message: 'closes must be a time HH:mm' })
  closes!: string;
}

/** The station's published contact: the post's name and work phone, shown to anyone by the public lookup. */
export class StationContactDto {
  @ApiProperty({ example: '驿站站长' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'post must not be empty' })
  @MaxLength(40)
  post!: string;

  @ApiPropertyOptional({
    example: '0546-8221234',
    description: 'The post\'s phone, **published**: the public nearest lookup shows it to anyone, so a work line or a work mobile, never a personal number. Stored in clear.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeWorkPhone(value) : value))
  @IsWorkPhone()
  workPhone?: string;
}

/** Body of POST /api/v1/party/stations and `party-building.station.create`. */
export class CreateStationRequest {
  @ApiProperty({ example: '淮河路网格红色驿站' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name!: string;

  @ApiProperty({ type: StationLocationDto, description: 'The point of the station: it must lie in a grid of your scope (422 naming location otherwise)' })
  @ValidateNested()
  @Type(() => StationLocationDto)
  location!: StationLocationDto;

  @ApiPropertyOptional({ example: '淮河路88号一楼' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'address must not be empty' })
  @MaxLength(200)
  address?: string;

  @ApiProperty({ format: 'uuid', description: "An active organisation of your scope bound to the station's grid or a unit above it" })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;

  @ApiProperty({ type: [OpeningPeriodDto], description: 'Opening periods; a day may have several, none overlapping' })
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => OpeningPeriodDto)
  openingHours!: OpeningPeriodDto[];

  @ApiPropertyOptional({ type: StationContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StationContactDto)
  contact?: StationContactDto;

  @ApiProperty({ enum: STATION_FUNCTIONS, isArray: true, description: 'Which of the six functions it offers (at least one)' })
  @IsArray()
  @ArrayMinSize(1, { message: 'functions must name at least one function' })
  @ArrayUnique({ message: 'functions must not repeat a function' })
  @IsOneOf(STATION_FUNCTIONS, { each: true })
  functions!: StationFunction[];
}

/** Body of PATCH /api/v1/party/stations/:id: what changes (null clears address or contact). */
export class UpdateStationBody {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ type: StationLocationDto, description: 'A new point: the grid is resolved again' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StationLocationDto)
  location?: StationLocationDto;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'address must not be empty' })
  @MaxLength(200)
  address?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ type: [OpeningPeriodDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => OpeningPeriodDto)
  openingHours?: OpeningPeriodDto[];

  @ApiPropertyOptional({ type: StationContactDto, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @ValidateNested()
  @Type(() => StationContactDto)
  contact?: StationContactDto | null;

  @ApiPropertyOptional({ enum: STATION_FUNCTIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'functions must name at least one function' })
  @ArrayUnique({ message: 'functions must not repeat a function' })
  @IsOneOf(STATION_FUNCTIONS, { each: true })
  functions?: StationFunction[];

  @ApiPropertyOptional({ description: 'False deactivates the station (no longer found by residents, no new records); true restores it' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** `party-building.station.update`. */
export interface UpdateStationRequest {
  id: string;
  changes: UpdateStationBody;
}

/** `party-building.station.get`. */
export interface StationIdRequest {
  id: string;
}

/** Query of GET /api/v1/party/stations. */
export class ListStationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only stations in grids at or beneath this unit (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: STATION_FUNCTIONS, description: 'Only stations offering this function' })
  @IsOptional()
  @IsOneOf(STATION_FUNCTIONS)
  function?: StationFunction;

  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) stations' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

/** Query of GET /api/v1/party/stations/nearest (public) and `party-building.station.nearest`. */
export class NearestStationsQuery extends LocateQuery {
  @ApiPropertyOptional({ default: 3, minimum: 1, maximum: NEAREST_STATIONS_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(NEAREST_STATIONS_MAX)
  limit?: number;
}

/** Body of POST /api/v1/party/stations/:id/records: one service given at the station. */
export class RecordStationServiceBody {
  @ApiProperty({ example: '2026-12-01', description: 'The day of the service (not in the future)' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ enum: STATION_FUNCTIONS, description: 'One of the functions the station offers' })
  @IsOneOf(STATION_FUNCTIONS)
  function!: StationFunction;

  @ApiProperty({ example: '宣讲垃圾分类新规，收集居民意见3条' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'summary must not be empty' })
  @MaxLength(2000)
  summary!: string;

  @ApiProperty({ example: 12, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  peopleServed!: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Party members who served' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'memberIds must not repeat a member' })
  @IsUUID('all', { each: true, message: 'memberIds must be UUIDs' })
  memberIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'For a mediation: the dispute case in incidents it was held for (a dispute of your scope)' })
  @IsOptional()
  @IsUUID('all', { message: 'incidentId must be a UUID' })
  incidentId?: string;
}

/** `party-building.station.record_service`. */
export class RecordStationServiceRequest extends RecordStationServiceBody {
  @IsUUID('all', { message: 'stationId must be a UUID' })
  stationId!: string;
}

/** Query of GET /api/v1/party/stations/counts, and the filters of the record list: station, unit, period. */
export class StationServiceCountsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'stationId must be a UUID' })
  stationId?: string;

  @ApiPropertyOptional({ description: 'Only records of stations at or beneath this unit' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'From this day (included)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'To this day (included)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** Query of GET /api/v1/party/stations/records: records by station, unit, function and period, paged. */
export class ListStationServicesQuery extends IntersectionType(PageQuery, StationServiceCountsQuery) {
  @ApiPropertyOptional({ enum: STATION_FUNCTIONS })
  @IsOptional()
  @IsOneOf(STATION_FUNCTIONS)
  function?: StationFunction;
}

/** Body of POST /api/v1/party/stations/records/:id/case: the grid case a social-conditions report becomes. */
export class OpenStationCaseBody {
  @ApiProperty({ example: 'ENV.GARBAGE', description: 'A minor category of the responsibility list' })
  @IsMinorCategoryCode()
  categoryCode!: string;

  @ApiPropertyOptional({ example: '驿站收集：东门垃圾堆放', description: "The case's title (default: the station's name and the record's day)" })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(100)
  title?: string;

  @ApiPropertyOptional({ enum: INCIDENT_URGENCIES, default: 'normal' })
  @IsOptional()
  @IsOneOf(INCIDENT_URGENCIES)
  urgency?: IncidentUrgency;
}

/** `party-building.station.open_case`. */
export class OpenStationCaseRequest extends OpenStationCaseBody {
  @IsUUID('all', { message: 'recordId must be a UUID' })
  recordId!: string;
}
