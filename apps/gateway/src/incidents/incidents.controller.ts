import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { CurrentCaller, type Caller } from '@gridline/auth';
import {
  INCIDENT_ACTIONS,
  IncidentActionBody,
  IncidentCountsQuery,
  IncidentsClient,
  ListIncidentsQuery,
  ReportIncidentRequest,
  type IncidentAction,
} from '@gridline/contracts-incidents';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';

class IncidentIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

class IncidentActionParam extends IncidentIdParam {
  @ApiProperty({ enum: INCIDENT_ACTIONS })
  @IsIn(INCIDENT_ACTIONS as unknown as string[], { message: `action must be one of ${INCIDENT_ACTIONS.join(', ')}` })
  action!: IncidentAction;
}

@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/incidents`)
export class IncidentsController {
  constructor(private readonly incidents: IncidentsClient) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Report a case; answers it with possible duplicates nearby' })
  report(@CurrentCaller() caller: Caller, @Body() body: ReportIncidentRequest) {
    return this.incidents.report(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'Cases in your scope, filtered, newest first (cursor pagination)' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListIncidentsQuery) {
    return this.incidents.list(caller, query);
  }

  @Get('counts')
  @ApiOperation({ summary: 'Cases in your scope by status, with overdue and supervised counts' })
  counts(@CurrentCaller() caller: Caller, @Query() query: IncidentCountsQuery) {
    return this.incidents.counts(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case, with the actions you may take next' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: IncidentIdParam) {
    return this.incidents.get(caller, id);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every step of a case: who, when, from which state to which, comment' })
  timeline(@CurrentCaller() caller: Caller, @Param() { id }: IncidentIdParam) {
    return this.incidents.timeline(caller, id);
  }

  @Post(':id/actions/:action')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a step: accept, reject, dispatch, sign, return, handle, verify, evaluate, request_extension, decide_extension, cancel, merge' })
  act(@CurrentCaller() caller: Caller, @Param() { id, action }: IncidentActionParam, @Body() body: IncidentActionBody) {
    return this.incidents.act(caller, id, action, body);
  }
}
