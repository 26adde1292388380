import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsGridCode, IsUnitCode } from '@gridline/contracts-registry';
import { PageQuery, Trim } from '@gridline/platform';
import { IsCalendarDate } from '@gridline/platform';
import { ReportIncidentRequest } from '../incident/incident.dto';


/** Body of POST /api/v1/visits and `incidents.visit.log`. */
export class LogVisitRequest {
  @ApiProperty({ format: 'uuid', description: "The registry's household" })
  @IsUUID('all', { message: 'householdId must be a UUID' })
  householdId!: string;

  @ApiProperty({ example: '370502003001001', description: "The household's grid" })
  @IsGridCode()
  gridCode!: string;

  @ApiProperty({ example: '2026-11-26', description: 'The day of the visit (not in the future)' })
  @IsCalendarDate()
  date!: string;

  @ApiPropertyOptional({ example: '老人独居，身体尚可，提醒冬季用火安全。', default: '' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ type: [String], example: ['elderly_alone', 'safety_reminder'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Trim()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(32, { each: true })
  tags?: string[];
}

/** Query of GET /api/v1/visits. */
export class ListVisitsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only visits in grids at or beneath this unit (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'householdId must be a UUID' })
  householdId?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'Visits on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Visits on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** Body of POST /api/v1/visits/:id/incident: a case report whose source is the visit (and, by default, its grid). */
export class OpenVisitIncidentBody extends OmitType(ReportIncidentRequest, ['source'] as const) {}

/** `incidents.visit.open_incident`. */
export class OpenVisitIncidentRequest {
  @IsUUID()
  id!: string;

  @ValidateNested()
  @Type(() => OpenVisitIncidentBody)
  incident!: OpenVisitIncidentBody;
}
