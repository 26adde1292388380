import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gridline/auth';
import { CloseDiscussionBody, CompleteDiscussionTaskBody, DiscussionsClient, ListDiscussionTasksQuery, ListDiscussionsQuery, RecordDiscussionMeetingBody } from '@gridline/contracts-incidents';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiCursorPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

const DISCUSSION_VIEW =
  'A 3+N candidate discussion: the candidate, its unit and category (names beside codes), summary, evidence (case and appeal ids), status (open, closed), ' +
  'meeting (participants, date, decision) once recorded, taskCounts, closing; `view` is `full` for the grid centre and `owner` for a task owner, who sees only their own tasks.';
const TASK_VIEW =
  'A task: owner (ownerKind department or unit, ownerCode, ownerName), dueOn (China day), description, status (open, done, overdue), result, doneBy, doneAt, overdueAt, ' +
  'mayComplete, and its discussion (id, status, summary, category, unit).';

/** 3+N candidate discussions (未诉先办): the street grid centre's follow-up of recurring problems analytics raised. */
@ApiTags('discussions')
@ApiBearerAuth()
@ApiProblems()
@Controller(API_PREFIX)
export class DiscussionsController {
  constructor(private readonly discussions: DiscussionsClient) {}

  @Get('discussions')
  @ApiOperation({ summary: 'Candidate discussions in your scope, newest first, by unit, status and evidence case (the grid centres: street and community admins; cursor pagination)' })
  @ApiCursorPage(DISCUSSION_VIEW)
  list(@CurrentCaller() caller: Caller, @Query() query: ListDiscussionsQuery) {
    return this.discussions.list(caller, query);
  }

  @Get('discussions/:id')
  @ApiOperation({ summary: 'A discussion with its tasks: every task for the grid centre, only your own for a task owner (404 for anyone else)' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.discussions.get(caller, id);
  }

  @Post('discussions/:id/meeting')
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({
    summary:
      "Record the discussion's meeting (participants, day, decision) and its tasks — each with one owner (an active department, or a unit of the street in your scope), a due day (today or later, China time) and a description; once, by the street's grid centre",
  })
  recordMeeting(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: RecordDiscussionMeetingBody) {
    return this.discussions.recordMeeting(caller, id, body);
  }

  @Post('discussions/:id/close')
  @IdempotentCreate()
  @HttpCode(200)
  @ApiOperation({ summary: "Close a discussion with a note, whatever its tasks (the street's grid centre); it also closes by itself when every task is done" })
  close(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: CloseDiscussionBody) {
    return this.discussions.close(caller, id, body);
  }

  @Get('discussion-tasks')
  @ApiOperation({
    summary:
      "Discussion tasks by due day: yours (`mine=true`: your department's, or your units' as their staff — a department's handler only ever sees their department's), or for the grid centre every task of the discussions in its scope, by department, unit, discussion and status (cursor pagination)",
  })
  @ApiCursorPage(TASK_VIEW)
  tasks(@CurrentCaller() caller: Caller, @Query() query: ListDiscussionTasksQuery) {
    return this.discussions.tasks(caller, query);
  }

  @Post('discussion-tasks/:id/complete')
  @IdempotentCreate()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark your task done with its result (open or overdue); the last task done closes the discussion. 409 when done already or the discussion is closed' })
  complete(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: CompleteDiscussionTaskBody) {
    return this.discussions.completeTask(caller, id, body);
  }
}
