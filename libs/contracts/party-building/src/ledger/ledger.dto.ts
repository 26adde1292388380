import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsUnitCode } from '@gridline/contracts-registry';
import { IsCalendarDate, IsOneOf, PageQuery, Trim } from '@gridline/platform';
import { IsServiceHours, SERVICE_HOURS } from './service-hours';
import {
  GRID_TASKS,
  SERVICE_DECISIONS,
  SERVICE_REFERENCE_KINDS,
  SERVICE_STATUSES,
  type GridTask,
  type ServiceDecision,
  type ServiceReferenceKind,
  type ServiceStatus,
} from './ledger.types';

/** An optional China year in a query (`year=2026`). */
function ChinaYear(description: string): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ example: 2026, description }), IsOptional(), Type(() => Number), IsInt({ message: 'year must be a whole number' }), Min(2000), Max(2199));
}

/** Body of POST /api/v1/party/members/:id/ledger and /party/me/ledger: a grid task served, to be approved. */
export class SubmitServiceRecordBody {
  @ApiProperty({ enum: GRID_TASKS })
  @IsOneOf(GRID_TASKS)
  task!: GridTask;

  @ApiPropertyOptional({ enum: SERVICE_REFERENCE_KINDS, description: 'What the task refers to (with referenceId)' })
  @IsOptional()
  @IsOneOf(SERVICE_REFERENCE_KINDS)
  referenceKind?: ServiceReferenceKind;

  @ApiPropertyOptional({ example: '5f0c3c1e-2b7a-4c55-9d1e-0f6a1c2b3d4e', description: 'The incident, visit or appeal id (or work-order number)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { message: 'referenceId must be an id (letters, digits, . _ : -)' })
  referenceId?: string;

  @ApiProperty({ example: '2026-11-30', description: 'The day served (China time), not in the future' })
  @IsCalendarDate()
  day!: string;

  @ApiProperty({ example: 1.5, description: `Hours in steps of ${SERVICE_HOURS.step}, more than 0 and at most ${SERVICE_HOURS.maxPerRecord} (and ${SERVICE_HOURS.maxPerDay} a day in all)` })
  @IsServiceHours()
  hours!: number;

  @ApiPropertyOptional({ example: 3, description: 'Given by a keeper only; by default one point per half-hour' })
  @IsOptional()
  @IsInt({ message: 'points must be a whole number' })
  @Min(0)
  @Max(1000)
  points?: number;

  @ApiPropertyOptional({ example: '协助网格员入户走访三户' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** `party-building.service-record.submit`: for the member `memberId`, or the caller's own record when absent. */
export class SubmitServiceRecordRequest extends SubmitServiceRecordBody {
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId?: string;
}

/** Body of POST /api/v1/party/ledger/records/:id/decision. */
export class DecideServiceRecordBody {
  @ApiProperty({ enum: SERVICE_DECISIONS })
  @IsOneOf(SERVICE_DECISIONS)
  decision!: ServiceDecision;

  @ApiPropertyOptional({ example: '时长与走访记录不符', description: 'Required to reject' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** `party-building.service-record.decide`. */
export class DecideServiceRecordRequest extends DecideServiceRecordBody {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Query of GET /api/v1/party/members/:id/ledger and /party/me/ledger. */
export class LedgerYearQuery {
  @ChinaYear('China year; the current one by default')
  year?: number;
}

/** `party-building.ledger.member`: `memberId`'s ledger, or the caller's own when absent. */
export class MemberLedgerRequest extends LedgerYearQuery {
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId?: string;
}

/** Query of GET /api/v1/party/ledger/totals and `party-building.ledger.totals`: a year, or a period from–to. */
export class LedgerTotalsQuery extends LedgerYearQuery {
  @ApiPropertyOptional({ description: 'Only records of organisations bound to this unit or beneath it (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ example: '2026-09-01', description: 'First day of the period (with `to`, instead of `year`)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day of the period, included' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** Query of GET /api/v1/party/ledger/records: records in your scope, e.g. those awaiting your approval. */
export class ListServiceRecordsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERVICE_STATUSES })
  @IsOptional()
  @IsOneOf(SERVICE_STATUSES)
  status?: ServiceStatus;

  @ApiPropertyOptional({ description: 'Only records of organisations bound to this unit or beneath it' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ChinaYear('China year')
  year?: number;
}
