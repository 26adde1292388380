import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gridline/auth';
import { JointDiscussionClient, LiftToJointDiscussionBody } from '@gridline/contracts-incidents';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/** "3+N" joint discussions (3+N 分析研判) of hard cases. */
@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/incidents/:id/joint-discussion`)
export class JointDiscussionController {
  constructor(private readonly discussions: JointDiscussionClient) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: "Lift a case to a joint discussion: participants, day, decision, owners (the street's grid centre)" })
  lift(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: LiftToJointDiscussionBody) {
    return this.discussions.lift(caller, id, body);
  }

  @Get()
  @ApiOperation({ summary: 'The joint discussions of a case, oldest first' })
  list(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.discussions.list(caller, id);
  }
}
