import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, PARTY_KEEPERS, PARTY_READERS, PARTY_REGISTRANTS, PARTY_REGISTRATION_READERS, Roles, type Caller } from '@gridline/auth';
import { EndRegistrationBody, ListRegistrationsQuery, MyRegistrationsQuery, RegistrationsClient, RejectRegistrationBody, SubmitRegistrationRequest } from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/**
 * In-service party members' dual registration (双报到): submitted by the member or a keeper, decided by the
 * community's party committee; an approved one makes the member an in_service_party_member of the grid in the
 * registry (`handoff` shows the registry's answer).
 */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party`)
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsClient) {}

  @Post('registrations')
  @Roles(...PARTY_REGISTRANTS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register an in-service party member with a community and the grid they serve, claiming a post',
    description: 'A party member registers themself (memberId left out); a keeper registers a member they may see, in a grid of their scope. One current (submitted or approved) registration per member: 409 otherwise.',
  })
  submit(@CurrentCaller() caller: Caller, @Body() body: SubmitRegistrationRequest) {
    return this.registrations.submit(caller, body);
  }

  @Get('registrations')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Registrations whose grid is in your scope, by unit, state and member (paginated, newest first)' })
  @ApiOffsetPage('A registration as GET /party/registrations/{id} answers it')
  list(@CurrentCaller() caller: Caller, @Query() query: ListRegistrationsQuery) {
    return this.registrations.list(caller, query);
  }

  @Get('registrations/:id')
  @Roles(...PARTY_REGISTRATION_READERS)
  @ApiOperation({ summary: 'One registration, with the state of its hand-off to the registry (to its member, or readers of its grid)' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.registrations.get(caller, id);
  }

  @Post('registrations/:id/approve')
  @Roles(...PARTY_KEEPERS)
  @HttpCode(200)
  @ApiOperation({ summary: "Approve a submitted registration (the community's party committee): the registry then makes the member an in_service_party_member of the grid" })
  approve(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.registrations.approve(caller, id);
  }

  @Post('registrations/:id/reject')
  @Roles(...PARTY_KEEPERS)
  @HttpCode(200)
  @ApiOperation({ summary: "Reject a submitted registration with a reason (the community's party committee)" })
  reject(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: RejectRegistrationBody) {
    return this.registrations.reject(caller, id, body);
  }

  @Post('registrations/:id/end')
  @Roles(...PARTY_REGISTRANTS)
  @HttpCode(200)
  @ApiOperation({ summary: 'End a registration (the member leaving, or a keeper of its grid): the registry ends the assignment; a submitted one is withdrawn' })
  end(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: EndRegistrationBody) {
    return this.registrations.end(caller, id, body);
  }

  @Get('me/registrations')
  @Roles('party_member')
  @ApiOperation({ summary: 'Your own registrations (the member linked to your account), newest first' })
  @ApiOffsetPage('A registration as GET /party/registrations/{id} answers it')
  mine(@CurrentCaller() caller: Caller, @Query() query: MyRegistrationsQuery) {
    return this.registrations.mine(caller, query);
  }
}
