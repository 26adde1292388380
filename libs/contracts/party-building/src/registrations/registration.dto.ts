import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsUnitCode } from '@gridline/contracts-registry';
import { IsCalendarDate, IsOneOf, PageQuery, Trim } from '@gridline/platform';
import { REGISTRATION_POSTS, REGISTRATION_STATES, type RegistrationPost, type RegistrationState } from './registration.types';

/** Body of POST /api/v1/party/registrations and `party-building.registration.submit`. */
export class SubmitRegistrationRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The party member; a member registering themself may leave it out (their own record)' })
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId?: string;

  @ApiProperty({ example: '东营市某某局', description: 'The employer (在职单位)' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'workUnit must not be empty' })
  @MaxLength(120)
  workUnit!: string;

  @ApiProperty({ example: '中共东营市某某局机关委员会', description: "The work unit's party organisation (usually outside the street)" })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'workUnitPartyOrganisation must not be empty' })
  @MaxLength(120)
  workUnitPartyOrganisation!: string;

  @ApiProperty({ example: '370502003001', description: 'The community registered with (its party committee approves)' })
  @IsUnitCode()
  communityCode!: string;

  @ApiProperty({ example: '370502003001001', description: 'The grid or exclusive grid served, beneath the community' })
  @IsUnitCode()
  gridCode!: string;

  @ApiProperty({ enum: REGISTRATION_POSTS, description: 'The post claimed (认领岗位)' })
  @IsOneOf(REGISTRATION_POSTS)
  post!: RegistrationPost;

  @ApiPropertyOptional({ example: '3号楼楼栋长', description: 'What the post means there' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  postNote?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Defaults to today (China time)' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional({ example: '2027-11-30', description: 'The last day served; open if absent' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;
}

/** Body of POST /api/v1/party/registrations/:id/reject. */
export class RejectRegistrationBody {
  @ApiProperty({ example: '所选网格已有足够的楼栋长，请改选志愿者岗位' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(500)
  reason!: string;
}

/** Body of POST /api/v1/party/registrations/:id/end. */
export class EndRegistrationBody {
  @ApiPropertyOptional({ example: '2026-12-31', description: 'The last day served; defaults to today (China time)' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;
}

/** `party-building.registration.get|approve|handoff`. */
export class RegistrationIdRequest {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** `party-building.registration.reject`. */
export class RejectRegistrationRequest extends RegistrationIdRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => RejectRegistrationBody)
  body!: RejectRegistrationBody;
}

/** `party-building.registration.end`. */
export class EndRegistrationRequest extends RegistrationIdRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => EndRegistrationBody)
  body!: EndRegistrationBody;
}

/** Query of GET /api/v1/party/registrations. */
export class ListRegistrationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only registrations with the grid served at or beneath this unit (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: REGISTRATION_STATES })
  @IsOptional()
  @IsOneOf(REGISTRATION_STATES)
  state?: RegistrationState;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this member's registrations" })
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId?: string;
}

/** Query of GET /api/v1/party/me/registrations: the signed-in member's own. */
export class MyRegistrationsQuery extends PageQuery {}
