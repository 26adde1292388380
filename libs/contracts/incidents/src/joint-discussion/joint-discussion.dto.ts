import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DEPARTMENT_CODE_PATTERN, IsDepartmentCode, IsUnitCode, UNIT_CODE_PATTERN } from '@gridline/contracts-registry';
import { Trim } from '@gridline/platform';
import { IsCalendarDate } from '@gridline/platform';

const UNIT_OR_DEPARTMENT = new RegExp(`^(${UNIT_CODE_PATTERN.source.slice(1, -1)}|${DEPARTMENT_CODE_PATTERN.source.slice(1, -1)})$`);

/** One owner of the decision: give exactly one of departmentCode and unitCode. */
export class JointDiscussionOwnerDto {
  @ApiPropertyOptional({ example: 'URBAN_MGMT', description: 'An active department of the responsibility list; an unknown or inactive one is refused with 400 naming this field' })
  @IsOptional()
  @IsDepartmentCode()
  departmentCode?: string;

  @ApiPropertyOptional({ example: '370502003001' })
  @IsOptional()
  @IsUnitCode()
  unitCode?: string;
}

/** A joint meeting as recorded: who took part, on which day, what they decided (a case's discussion, a candidate's meeting). */
export class MeetingRecordBody {
  @ApiProperty({ type: [String], example: ['370502003', '370502003001', 'URBAN_MGMT', 'MARKET_SUPERVISION'], description: 'Unit codes or department codes' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(UNIT_OR_DEPARTMENT, { each: true, message: 'each participant must be a unit code or a department code' })
  participants!: string[];

  @ApiProperty({ example: '2026-11-26', description: 'The day of the meeting (not in the future)' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: '由城市管理办公室牵头，社区配合，十日内拆除违建。' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  decision!: string;
}

/** Body of POST /api/v1/incidents/:id/joint-discussion. */
export class LiftToJointDiscussionBody extends MeetingRecordBody {
  @ApiProperty({ type: [JointDiscussionOwnerDto], description: 'The owners assigned, the lead first' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => JointDiscussionOwnerDto)
  owners!: JointDiscussionOwnerDto[];
}

/** `incidents.joint_discussion.record`. */
export class LiftToJointDiscussionRequest extends LiftToJointDiscussionBody {
  @IsUUID()
  id!: string;
}
