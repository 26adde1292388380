import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsMainlandMobile, IsMinorCategoryCode, IsUnifiedSocialCreditCode, IsUnitCode } from '@gridline/contracts-registry';
import { IsCalendarDate, IsDateTime, IsOneOf, PageQuery, QueryBoolean, Trim } from '@gridline/platform';
import { MEMBER_UNIT_KINDS, TASK_OWNER_KINDS, TASK_STATUSES, type MemberUnitKind, type TaskOwnerKind, type TaskStatus } from './committee.types';

/** Body of POST /api/v1/party/committees and `party-building.committee.create`. */
export class CreateCommitteeRequest {
  @ApiProperty({ example: '淮河路商圈专属网格工作委员会' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: '370502003900001', description: 'The exclusive grid (unit level exclusive_grid, active, in your scope)' })
  @IsUnitCode()
  gridCode!: string;

  @ApiProperty({ example: '2022-07-09', description: 'Not after today' })
  @IsCalendarDate()
  foundedOn!: string;

  @ApiPropertyOptional({
    example: '社区党委副书记',
    description: "The convenor's post; absent: the convenor is the secretary of the grid's joint branch (the grid must then have one)",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'convenorPost must not be empty' })
  @MaxLength(120)
  convenorPost?: string;
}

/** Query of GET /api/v1/party/committees. */
export class ListCommitteesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only committees of grids at or beneath this unit (within your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;
}

/** `party-building.committee.get`. */
export class CommitteeIdRequest {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Body of POST /api/v1/party/committees/:id/member-units. */
export class AddMemberUnitBody {
  @ApiProperty({ enum: MEMBER_UNIT_KINDS })
  @IsOneOf(MEMBER_UNIT_KINDS)
  kind!: MemberUnitKind;

  @ApiProperty({ example: '东营某某商贸有限公司' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: '91370500MA3C4XXXX0', description: 'Unified social credit code (18 characters, GB 32100 check character)' })
  @IsOptional()
  @IsUnifiedSocialCreditCode()
  uscc?: string;

  @ApiProperty({ example: '行政经理' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'contactPost must not be empty' })
  @MaxLength(120)
  contactPost!: string;

  @ApiProperty({ example: '王经理' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'contactName must not be empty' })
  @MaxLength(60)
  contactName!: string;

  @ApiProperty({ example: '13812345678', description: 'Personal data: stored encrypted, answered masked' })
  @IsMainlandMobile()
  contactPhone!: string;

  @ApiProperty({ example: '2022-07-09', description: 'Not after today, not before the committee was founded' })
  @IsCalendarDate()
  joinedOn!: string;
}

/** `party-building.committee.member_unit.add`. */
export class AddMemberUnitRequest extends AddMemberUnitBody {
  @IsUUID('all', { message: 'committeeId must be a UUID' })
  committeeId!: string;
}

/** Body of PATCH /api/v1/party/committees/:id/member-units/:memberUnitId: any of the fields, or the day it left. */
export class UpdateMemberUnitBody {
  @ApiPropertyOptional({ enum: MEMBER_UNIT_KINDS })
  @IsOptional()
  @IsOneOf(MEMBER_UNIT_KINDS)
  kind?: MemberUnitKind;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUnifiedSocialCreditCode()
  uscc?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'contactPost must not be empty' })
  @MaxLength(120)
  contactPost?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'contactName must not be empty' })
  @MaxLength(60)
  contactName?: string;

  @ApiPropertyOptional({ description: 'Personal data: stored encrypted, answered masked' })
  @IsOptional()
  @IsMainlandMobile()
  contactPhone?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'The day the unit left the committee (not before it joined)' })
  @IsOptional()
  @IsCalendarDate()
  leftOn?: string;
}

/** `party-building.committee.member_unit.update`. */
export class UpdateMemberUnitRequest extends UpdateMemberUnitBody {
  @IsUUID('all', { message: 'committeeId must be a UUID' })
  committeeId!: string;

  @IsUUID('all', { message: 'memberUnitId must be a UUID' })
  memberUnitId!: string;
}

/** The owner of a task: a member unit of the committee, or a party organisation in your scope. */
export class TaskOwnerDto {
  @ApiProperty({ enum: TASK_OWNER_KINDS })
  @IsOneOf(TASK_OWNER_KINDS)
  kind!: TaskOwnerKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** A resolution's task: who, by when. */
export class ResolutionTaskDto {
  @ApiProperty({ type: TaskOwnerDto })
  @ValidateNested()
  @Type(() => TaskOwnerDto)
  owner!: TaskOwnerDto;

  @ApiProperty({ example: '2022-08-31' })
  @IsCalendarDate()
  dueOn!: string;
}

/** A resolution (决议) of a meeting; with `task` it becomes a task at once, without it may later become a grid case. */
export class ResolutionDto {
  @ApiProperty({ example: '商圈夜间停车秩序由物业牵头整治' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(2000)
  text!: string;

  @ApiPropertyOptional({ type: ResolutionTaskDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResolutionTaskDto)
  task?: ResolutionTaskDto;
}

/** Body of POST /api/v1/party/committees/:id/meetings. */
export class RecordMeetingBody {
  @ApiProperty({ example: '2022-07-09T19:30:00+08:00' })
  @IsDateTime({ requireZone: true })
  heldAt!: string;

  @ApiProperty({ example: '第一次工作委员会会议' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '淮河路商圈网格驿站' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'place must not be empty' })
  @MaxLength(200)
  place!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Member units present (members of the committee on the meeting day)' })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'presentUnitIds must not repeat a unit' })
  @IsUUID('all', { each: true, message: 'presentUnitIds must hold UUIDs' })
  presentUnitIds!: string[];

  @ApiProperty({ type: [String], description: 'Agenda items, in order' })
  @IsArray()
  @ArrayMinSize(1, { message: 'agenda must have at least one item' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'agenda items must not be empty' })
  @MaxLength(500, { each: true })
  agenda!: string[];

  @ApiPropertyOptional({ description: 'Minutes (会议纪要)' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  minutes?: string;

  @ApiProperty({ type: [ResolutionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ResolutionDto)
  resolutions!: ResolutionDto[];
}

/** `party-building.committee.meeting.record`. */
export class RecordMeetingRequest extends RecordMeetingBody {
  @IsUUID('all', { message: 'committeeId must be a UUID' })
  committeeId!: string;
}

/** Query of GET /api/v1/party/committees/:id/tasks. */
export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsOneOf(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ description: 'true: only open tasks past their due date' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;
}

/** `party-building.committee.task.list`. */
export class ListTasksRequest extends ListTasksQuery {
  @IsUUID('all', { message: 'committeeId must be a UUID' })
  committeeId!: string;
}

/** Body of PATCH /api/v1/party/committees/:id/tasks/:taskId. */
export class UpdateTaskBody {
  @ApiPropertyOptional({ enum: TASK_STATUSES, description: 'open → done (with a note) or cancelled; done and cancelled are final' })
  @IsOptional()
  @IsOneOf(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ description: 'Required to mark the task done: what was done' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'A new due date (open tasks only)' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({ type: TaskOwnerDto, description: 'A new owner (open tasks only)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TaskOwnerDto)
  owner?: TaskOwnerDto;
}

/** `party-building.committee.task.update`. */
export class UpdateTaskRequest extends UpdateTaskBody {
  @IsUUID('all', { message: 'committeeId must be a UUID' })
  committeeId!: string;

  @IsUUID('all', { message: 'taskId must be a UUID' })
  taskId!: string;
}

/** Body of POST /api/v1/party/committees/:id/resolutions/:resolutionId/case: how incidents files the grid case. */
export class OpenResolutionCaseBody {
  @ApiProperty({ example: 'ENV.GARBAGE', description: 'A minor category of the responsibility list' })
  @IsMinorCategoryCode()
  categoryCode!: string;

  @ApiPropertyOptional({ description: "The case's description (default: the resolution's text and its meeting)" })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(4000)
  description?: string;
}

/** `party-building.committee.resolution.open_case`: the resolution to hand to incidents as a grid case. */
export class OpenResolutionCaseRequest extends OpenResolutionCaseBody {
  @IsUUID('all', { message: 'committeeId must be a UUID' })
  committeeId!: string;

  @IsUUID('all', { message: 'resolutionId must be a UUID' })
  resolutionId!: string;
}
