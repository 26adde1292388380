import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CurrentCaller, PARTY_KEEPERS, PARTY_READERS, Roles, type Caller } from '@gridline/auth';
import {
  AddMemberUnitBody,
  CommitteesClient,
  CreateCommitteeRequest,
  ListCommitteesQuery,
  ListTasksQuery,
  OpenResolutionCaseBody,
  RecordMeetingBody,
  UpdateMemberUnitBody,
  UpdateTaskBody,
} from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

class MemberUnitParam extends UuidParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'memberUnitId must be a UUID' })
  memberUnitId!: string;
}

class ResolutionParam extends UuidParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'resolutionId must be a UUID' })
  resolutionId!: string;
}

class TaskParam extends UuidParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'taskId must be a UUID' })
  taskId!: string;
}

/**
 * Exclusive-grid work committees (专属网格工作委员会): the committee of co-building member units, its meetings and the
 * tasks its resolutions become. Member-unit contacts' phones are answered masked.
 */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party/committees`)
export class CommitteesController {
  constructor(private readonly committees: CommitteesClient) {}

  @Post()
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: "Found the work committee of an exclusive grid in your scope (one active per grid), on the grid's joint branch" })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateCommitteeRequest) {
    return this.committees.create(caller, body);
  }

  @Get()
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Committees in your scope, with member-unit, meeting, open and overdue task counts (paginated)' })
  @ApiOffsetPage('A committee as GET /party/committees/{id} answers it, without its member units')
  list(@CurrentCaller() caller: Caller, @Query() query: ListCommitteesQuery) {
    return this.committees.list(caller, query);
  }

  @Get(':id')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'One committee in your scope, with its member units (contact phones masked)' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.committees.get(caller, id);
  }

  @Post(':id/member-units')
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a member unit (成员单位) with its contact; the phone is stored encrypted and answered masked' })
  addMemberUnit(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: AddMemberUnitBody) {
    return this.committees.addMemberUnit(caller, id, body);
  }

  @Patch(':id/member-units/:memberUnitId')
  @Roles(...PARTY_KEEPERS)
  @ApiOperation({ summary: 'Change a member unit, its contact, or record the day it left (leftOn)' })
  updateMemberUnit(@CurrentCaller() caller: Caller, @Param() { id, memberUnitId }: MemberUnitParam, @Body() body: UpdateMemberUnitBody) {
    return this.committees.updateMemberUnit(caller, id, memberUnitId, body);
  }

  @Post(':id/meetings')
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a meeting: the units present, the ordered agenda, minutes and resolutions (those with a task become tasks)' })
  recordMeeting(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: RecordMeetingBody) {
    return this.committees.recordMeeting(caller, id, body);
  }

  @Get(':id/meetings')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: "A committee's meetings, newest first, each resolution with its task or grid case" })
  meetings(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.committees.meetings(caller, id);
  }

  @Get(':id/tasks')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: "A committee's tasks, soonest due first, by status and overdue (paginated; each flagged overdue when open past its due date)" })
  @ApiOffsetPage('A task a resolution became')
  tasks(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Query() query: ListTasksQuery) {
    return this.committees.tasks(caller, id, query);
  }

  @Patch(':id/tasks/:taskId')
  @Roles(...PARTY_KEEPERS)
  @ApiOperation({ summary: 'Mark a task done (with a note) or cancelled, or re-date or re-assign an open one' })
  updateTask(@CurrentCaller() caller: Caller, @Param() { id, taskId }: TaskParam, @Body() body: UpdateTaskBody) {
    return this.committees.updateTask(caller, id, taskId, body);
  }

  @Post(':id/resolutions/:resolutionId/case')
  @Roles(...PARTY_KEEPERS)
  @HttpCode(201)
  @ApiOperation({ summary: "Turn a resolution (not one that became a task) into a grid case of the committee's exclusive grid; a retry answers the same case" })
  openCase(@CurrentCaller() caller: Caller, @Param() { id, resolutionId }: ResolutionParam, @Body() body: OpenResolutionCaseBody) {
    return this.committees.openCase(caller, id, resolutionId, body);
  }
}
