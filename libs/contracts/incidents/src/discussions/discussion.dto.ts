import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsDepartmentCode, IsUnitCode } from '@gridline/contracts-registry';
import { CursorQuery, IsCalendarDate, IsOneOf, QueryBoolean, Trim } from '@gridline/platform';
import { JointDiscussionOwnerDto, MeetingRecordBody } from '../joint-discussion/joint-discussion.dto';
import { DISCUSSION_STATUSES, DISCUSSION_TASK_STATUSES, type DiscussionStatus, type DiscussionTaskStatus } from './discussion.types';

/** Query of GET /api/v1/discussions. */
export class ListDiscussionsQuery extends CursorQuery {
  @ApiPropertyOptional({ example: '370502003001', description: 'Only discussions of problems at or beneath this unit (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: DISCUSSION_STATUSES })
  @IsOptional()
  @IsOneOf(DISCUSSION_STATUSES)
  status?: DiscussionStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the discussions this case is evidence of' })
  @IsOptional()
  @IsUUID('all', { message: 'incident must be a UUID' })
  incident?: string;
}

/** One task the meeting decided: exactly one owner (a department or a unit), a due day, what to do. */
export class DiscussionTaskDto extends JointDiscussionOwnerDto {
  @ApiProperty({ example: '2026-12-15', description: 'The last day to finish it (China time; today or later)' })
  @IsCalendarDate()
  dueOn!: string;

  @ApiProperty({ example: '清理东门外建筑垃圾并设置围挡，每周巡查一次。' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;
}

/** Body of POST /api/v1/discussions/:id/meeting: the meeting, and its decisions as tasks. */
export class RecordDiscussionMeetingBody extends MeetingRecordBody {
  @ApiProperty({ type: [DiscussionTaskDto], description: 'The tasks decided, each with its owner and due day' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DiscussionTaskDto)
  tasks!: DiscussionTaskDto[];
}

/** `incidents.discussion.record_meeting`. */
export class RecordDiscussionMeetingRequest extends RecordDiscussionMeetingBody {
  @IsUUID()
  id!: string;
}

/** Body of POST /api/v1/discussions/:id/close. */
export class CloseDiscussionBody {
  @ApiProperty({ example: '经研判已纳入街道年度整治计划，本次会商结束。', description: 'Why the discussion closes with tasks still open (or at all)' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note!: string;
}

/** `incidents.discussion.close`. */
export class CloseDiscussionRequest extends CloseDiscussionBody {
  @IsUUID()
  id!: string;
}

/** `incidents.discussion.get`. */
export class DiscussionIdRequest {
  @IsUUID()
  id!: string;
}

/** Query of GET /api/v1/discussion-tasks. */
export class ListDiscussionTasksQuery extends CursorQuery {
  @ApiPropertyOptional({ description: "Only the tasks you own (your department's, or your units' as their staff)" })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ example: 'URBAN_MGMT', description: "Only a department's tasks" })
  @IsOptional()
  @IsDepartmentCode()
  department?: string;

  @ApiPropertyOptional({ example: '370502003001', description: 'Only the tasks owned by this unit' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only one discussion's tasks" })
  @IsOptional()
  @IsUUID('all', { message: 'discussion must be a UUID' })
  discussion?: string;

  @ApiPropertyOptional({ enum: DISCUSSION_TASK_STATUSES })
  @IsOptional()
  @IsOneOf(DISCUSSION_TASK_STATUSES)
  status?: DiscussionTaskStatus;
}

/** Body of POST /api/v1/discussion-tasks/:id/complete. */
export class CompleteDiscussionTaskBody {
  @ApiProperty({ example: '已清理建筑垃圾12车，设置围挡80米，巡查制度已建立。', description: 'What was done' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  result!: string;
}

/** `incidents.discussion_task.complete`. */
export class CompleteDiscussionTaskRequest extends CompleteDiscussionTaskBody {
  @IsUUID()
  id!: string;
}
