import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsOneOf } from '@gridline/platform';
import { OFFICER_ROLES, type OfficerRole } from './officer.types';

/** Body of POST /api/v1/party/organisations/:id/officers. */
export class AppointOfficerBody {
  @ApiProperty({ format: 'uuid', description: 'The party member who serves' })
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId!: string;

  @ApiProperty({ enum: OFFICER_ROLES })
  @IsOneOf(OFFICER_ROLES)
  role!: OfficerRole;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day of the term; defaults to today (China time)' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional({ example: '2030-12-31', description: 'Last day of the term; absent: open (current until ended)' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;

  @ApiPropertyOptional({ description: "A community party committee's secretary who directs the community grid centre (书记抓、抓书记)" })
  @IsOptional()
  @IsBoolean()
  directsGridCentre?: boolean;
}

/** `party-building.organisation.officer.appoint`. */
export class AppointOfficerRequest extends AppointOfficerBody {
  @IsUUID()
  organisationId!: string;
}

/** Body of PATCH /api/v1/party/organisations/:id/officers/:officerId: ends the term. */
export class EndOfficerTermBody {
  @ApiProperty({ example: '2026-12-31', description: 'Last day of the term (not before its first)' })
  @IsCalendarDate()
  endsOn!: string;
}

/** `party-building.organisation.officer.end`. */
export class EndOfficerTermRequest extends EndOfficerTermBody {
  @IsUUID()
  organisationId!: string;

  @IsUUID()
  officerId!: string;
}
