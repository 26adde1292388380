import { CursorQuery, IsCalendarDate, IsOneOf, MAX_PAGE_SIZE, QueryBoolean } from '@gridline/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsUnitCode } from '../identifiers/unit-code';
import { IsMainlandMobile, NormalizeMobile } from '../identifiers/mobile';
import { IsWorkPhone, normalizeWorkPhone } from '../identifiers/work-phone';
import { GRID_ROLES, type GridRole } from './people.types';

/** Body of POST /api/v1/people and `registry.person.create`. */
export class CreatePersonRequest {
  @ApiProperty({ example: '王晓梅' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiPropertyOptional({ example: '13805461234', description: 'Mainland mobile; stored encrypted, answered masked' })
  @IsOptional()
  @NormalizeMobile()
  @IsMainlandMobile()
  phone?: string;

  @ApiPropertyOptional({
    example: 'wang.xiaomei',
    description:
      "The login subject (a token's `sub`) of the person's own account, when they log in: what links their work on the platform (cases reported, handled, visits) to them, e.g. in the staff workload. Unique; visible ASCII, at most 128 characters; set once, on creation",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'account must be 1 to 128 visible ASCII characters' })
  account?: string;
}

/** Body of POST /api/v1/units/:code/assignments. */
export class AssignPersonBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ enum: GRID_ROLES })
  @IsOneOf(GRID_ROLES)
  role!: GridRole;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Defaults to today (China time)' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;

  @ApiPropertyOptional({
    example: '0546-8221234',
    description:
      'The phone of the post, **published**: the public grid lookup (GET /api/v1/public/grid) shows it to anyone, so give a work line or a work mobile, never a personal number. A mainland mobile or a fixed line with its area code (0546-8221234, extension -802 allowed); stored in clear.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeWorkPhone(value) : value))
  @IsWorkPhone()
  workPhone?: string;
}

/** `registry.assignment.create`. */
export class AssignPersonRequest extends AssignPersonBody {
  @IsUnitCode()
  unitCode!: string;
}

/** Body of PATCH /api/v1/assignments/:id: what a grid centre may change on a running assignment. */
export class UpdateAssignmentBody {
  @ApiPropertyOptional({
    type: String,
    example: '0546-8221235',
    nullable: true,
    description:
      'The new published phone of the post (the public grid lookup shows it at once), or null to withdraw it. Same rules as on creation: a mainland mobile or a fixed line with its area code; a work line, never a personal number.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeWorkPhone(value) : value))
  @IsWorkPhone()
  workPhone?: string | null;
}

/** `registry.assignment.update`. */
export class UpdateAssignmentRequest extends UpdateAssignmentBody {
  @IsUUID()
  assignmentId!: string;
}

/** Body of POST /api/v1/assignments/:id/end. */
export class EndAssignmentBody {
  @ApiPropertyOptional({ example: '2026-06-30', description: 'Defaults to today (China time)' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;
}

/** `registry.assignment.end`. */
export class EndAssignmentRequest extends EndAssignmentBody {
  @IsUUID()
  assignmentId!: string;
}

/** Query of GET /api/v1/units/:code/people. */
export class UnitPeopleQuery {
  @ApiPropertyOptional({ enum: GRID_ROLES })
  @IsOptional()
  @IsOneOf(GRID_ROLES)
  role?: GridRole;

  @ApiPropertyOptional({ description: 'Include assignments that ended or have not started', default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeInactive?: boolean;
}

/** `registry.unit.people`. */
export class UnitPeopleRequest extends UnitPeopleQuery {
  @IsUnitCode()
  code!: string;
}

/** `registry.coverage.get` and GET /api/v1/units/:code/coverage. */
export class CoverageRequest {
  @IsUnitCode()
  code!: string;
}

export class PersonIdRequest {
  @IsUUID()
  id!: string;
}

/**
 * `registry.staff.snapshot`: the grid staff's assignments with their person's name and login, for another service's
 * copy (answered to `svc:analytics` only); keyset pages by assignment id, or only the assignments of some persons.
 */
export class GridStaffSnapshotQuery extends CursorQuery {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_SIZE)
  @IsUUID('all', { each: true })
  personIds?: string[];
}
