import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, PARTY_KEEPERS, PARTY_READERS, Roles, type Caller } from '@gridline/auth';
import {
  ActivitiesClient,
  CancelActivityBody,
  CheckInBody,
  CreateActivityRequest,
  ListActivitiesQuery,
  MyActivitiesQuery,
  OpenActivitiesQuery,
  RecordHeldActivityRequest,
  SignUpBody,
  SubmitReportBody,
} from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/** Party activities: scheduled by keepers, signed up for by members, checked in by a one-time code, reported. */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party`)
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesClient) {}

  @Post('activities')
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Schedule an activity of an organisation of your units (a red station or an address, capacity, audience, hours)' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateActivityRequest) {
    return this.activities.create(caller, body);
  }

  @Post('activities/held')
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an activity already held (补录) with the attendance of its sign-in sheet: members of your units in its audience, credited its hours on its day; each sign-up keeps who recorded it' })
  recordHeld(@CurrentCaller() caller: Caller, @Body() body: RecordHeldActivityRequest) {
    return this.activities.recordHeld(caller, body);
  }

  @Get('activities')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Activities of your units by unit, organisation, kind and period (paginated, soonest first)' })
  @ApiOffsetPage('An activity as GET /party/activities/{id} answers it')
  list(@CurrentCaller() caller: Caller, @Query() query: ListActivitiesQuery) {
    return this.activities.list(caller, query);
  }

  @Get('me/activities')
  @Roles('party_member')
  @ApiOperation({ summary: 'Your own activities: every sign-up of yours with its activity, latest first (a party member)' })
  @ApiOffsetPage('An activity with your sign-up')
  mine(@CurrentCaller() caller: Caller, @Query() query: MyActivitiesQuery) {
    return this.activities.mine(caller, query);
  }

  @Get('me/activities/open')
  @Roles('party_member')
  @ApiOperation({
    summary: 'Activities you may still sign up to (a party member): scheduled, not started, a seat free, whose audience takes you, not signed up to yet; soonest first, with the seats left',
  })
  @ApiOffsetPage('An open activity with its seats left')
  open(@CurrentCaller() caller: Caller, @Query() query: OpenActivitiesQuery) {
    return this.activities.open(caller, query);
  }

  @Get('activities/:id')
  @Roles(...PARTY_READERS, 'party_member')
  @ApiOperation({ summary: 'One activity (readers of its units; a member of its audience or signed up to it)' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.activities.get(caller, id);
  }

  @Post('activities/:id/cancel')
  @Roles(...PARTY_KEEPERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an activity before it ends, with a reason (the members signed up are told through an event)' })
  cancel(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: CancelActivityBody) {
    return this.activities.cancel(caller, id, body.reason);
  }

  @Post('activities/:id/sign-ups')
  @Roles(...PARTY_KEEPERS, 'party_member')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign up before the start, while a seat is free: yourself (a party member) or a member of your units (a keeper, memberId); again answers the same sign-up' })
  signUp(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: SignUpBody) {
    return this.activities.signUp(caller, id, body.memberId);
  }

  @Post('activities/:id/sign-ups/cancel')
  @Roles(...PARTY_KEEPERS, 'party_member')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a sign-up before the start: yours, or a member of your units (memberId)' })
  cancelSignUp(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: SignUpBody) {
    return this.activities.cancelSignUp(caller, id, body.memberId);
  }

  @Post('activities/:id/check-in-code')
  @Roles(...PARTY_KEEPERS)
  @HttpCode(201)
  @ApiOperation({ summary: 'Open check-in: a new one-time code to show at the activity (15 minutes, replaces the one before)' })
  openCheckIn(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.activities.openCheckIn(caller, id);
  }

  @Post('activities/:id/check-ins')
  @Roles('party_member')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check in with the code shown at the activity (a party member); credits the activity’s service hours once' })
  checkIn(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: CheckInBody) {
    return this.activities.checkIn(caller, id, body.code);
  }

  @Post('activities/:id/report')
  @Roles(...PARTY_KEEPERS)
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit the activity’s report after its end: what was done; attendance is counted then' })
  submitReport(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: SubmitReportBody) {
    return this.activities.submitReport(caller, id, body.summary);
  }

  @Get('activities/:id/report')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'The activity’s report (attendance, what was done)' })
  getReport(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.activities.getReport(caller, id);
  }
}
