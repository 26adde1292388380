import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, registerDecorator } from 'class-validator';
import { IsUnitCode } from '@gridline/contracts-registry';
import { IsDateTime, IsOneOf, PageQuery, Trim } from '@gridline/platform';
import { serviceHoursProblem } from '../ledger/service-hours';
import { ACTIVITY_AUDIENCES, ACTIVITY_KINDS, CHECK_IN_ALPHABET, type ActivityAudience, type ActivityKind } from './activity.types';

/** An activity's service hours: 0 (attending credits nothing) or hours a service record takes (0.5 to 24, half-hours). */
export function isServiceHours(value: unknown): value is number {
  return value === 0 || serviceHoursProblem(value) === null;
}

function IsServiceHours(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isServiceHours',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be 0 to 24 in half-hours` },
      validator: { validate: (value: unknown) => isServiceHours(value) },
    });
}

/** Body of POST /api/v1/party/activities and `party-building.activity.create`. */
export class CreateActivityRequest {
  @ApiProperty({ format: 'uuid', description: 'The organisation holding the activity (in your scope)' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId!: string;

  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsOneOf(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiProperty({ example: '十二月主题党日：走访困难群众' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiProperty({ example: '2026-12-20T09:00:00+08:00' })
  @IsDateTime({ requireZone: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-20T11:00:00+08:00', description: 'After startsAt' })
  @IsDateTime({ requireZone: true })
  endsAt!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A red station as the place: active, in your units, offering activities (or give address)' })
  @IsOptional()
  @IsUUID('all', { message: 'stationId must be a UUID' })
  stationId?: string;

  @ApiPropertyOptional({ description: 'An address as the place (or give stationId)' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'address must not be empty' })
  @MaxLength(300)
  address?: string;

  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1)
  @Max(10000)
  capacity!: number;

  @ApiProperty({ enum: ACTIVITY_AUDIENCES, description: 'organisation: its members and those beneath; scope: members within its unit; all: any member' })
  @IsOneOf(ACTIVITY_AUDIENCES)
  audience!: ActivityAudience;

  @ApiProperty({ minimum: 0, maximum: 24, multipleOf: 0.5, description: 'Service hours credited for attending' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsServiceHours()
  hours!: number;
}

/**
 * Body of POST /api/v1/party/activities/held and `party-building.activity.record_held`: an activity that took place
 * (ended, begun within the last year), recorded after the fact by a keeper with its attendance from the sign-in sheet.
 */
export class RecordHeldActivityRequest extends CreateActivityRequest {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The members on the sign-in sheet (of the audience, at most capacity)' })
  @IsArray({ message: 'attendeeIds must be a list of member ids' })
  @ArrayMinSize(1, { message: 'attendeeIds must name at least one member' })
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'attendeeIds must not repeat a member' })
  @IsUUID('all', { each: true, message: 'attendeeIds must hold UUIDs' })
  attendeeIds!: string[];
}

/** `party-building.activity.get` (and the other requests naming only an activity). */
export class ActivityIdRequest {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Body of POST /api/v1/party/activities/:id/cancel. */
export class CancelActivityBody {
  @ApiProperty({ example: '因天气原因取消' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(500)
  reason!: string;
}

/** `party-building.activity.cancel`. */
export class CancelActivityRequest extends CancelActivityBody {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Body of POST /api/v1/party/activities/:id/sign-ups (and of the cancel of a sign-up). */
export class SignUpBody {
  @ApiPropertyOptional({ format: 'uuid', description: 'The member, for a keeper signing a member up; a party member leaves it out (their own record)' })
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId?: string;
}

/** `party-building.activity.sign_up` and `party-building.activity.cancel_sign_up`. */
export class SignUpRequest extends SignUpBody {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Body of POST /api/v1/party/activities/:id/check-ins: the code shown at the activity. */
export class CheckInBody {
  @ApiProperty({ example: 'K7M2Q9XP', description: `The code shown at the activity (letters of ${CHECK_IN_ALPHABET}, case ignored)` })
  @IsString()
  @Matches(/^[A-Za-z0-9]{4,16}$/, { message: 'code must be 4 to 16 letters and digits' })
  code!: string;
}

/** `party-building.activity.check_in`. */
export class CheckInRequest extends CheckInBody {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Body of POST /api/v1/party/activities/:id/report. */
export class SubmitReportBody {
  @ApiProperty({ description: 'What was done' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'summary must not be empty' })
  @MaxLength(8000)
  summary!: string;
}

/** `party-building.activity.report`. */
export class SubmitReportRequest extends SubmitReportBody {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Query of GET /api/v1/party/activities. */
export class ListActivitiesQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Only activities of organisations bound to this unit or beneath it (within your scope)" })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this organisation's activities" })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ description: 'Only activities starting at or after this (a date or a date-time)' })
  @IsOptional()
  @IsDateTime({ allowDate: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Only activities starting before this (a date or a date-time)' })
  @IsOptional()
  @IsDateTime({ allowDate: true })
  to?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsOneOf(ACTIVITY_KINDS)
  kind?: ActivityKind;
}

/** Query of GET /api/v1/party/me/activities. */
export class MyActivitiesQuery extends PageQuery {}

/** Query of GET /api/v1/party/me/activities/open. */
export class OpenActivitiesQuery extends PageQuery {}

