import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, PARTY_KEEPERS, PARTY_READERS, Roles, type Caller } from '@gridline/auth';
import { CreateMemberRequest, ListMembersQuery, MemberAuditQuery, MembersClient, RevealMemberBody, UpdateMemberBody } from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/** Party members: name, ID number and phone masked like residents', revealed only with a reason (audited). */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party`)
export class MembersController {
  constructor(private readonly members: MembersClient) {}

  @Post('members')
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a party member with an active organisation of your scope (ID number unique among members)' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateMemberRequest) {
    return this.members.create(caller, body);
  }

  @Get('members')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Members in your scope by organisation, unit and status, or found exactly by ID number or phone (paginated, masked)' })
  @ApiOffsetPage('A member as GET /party/members/{id} answers it')
  list(@CurrentCaller() caller: Caller, @Query() query: ListMembersQuery) {
    return this.members.list(caller, query);
  }

  @Get('members/audit')
  @Roles(...PARTY_KEEPERS)
  @ApiOperation({ summary: "The reveals of members' personal data in your scope, newest first" })
  @ApiOffsetPage('`{ id, at, actor, actorRoles, memberId, fields, reason, correlationId }`: one reveal, never the value shown')
  audit(@CurrentCaller() caller: Caller, @Query() query: MemberAuditQuery) {
    return this.members.audit(caller, query);
  }

  @Get('members/:id')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'One member in your scope (masked)' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.members.get(caller, id);
  }

  @Patch('members/:id')
  @Roles(...PARTY_KEEPERS)
  @ApiOperation({ summary: "Change a member's status, phone, home grid or account, or transfer them to another organisation of your scope" })
  update(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: UpdateMemberBody) {
    return this.members.update(caller, id, body);
  }

  @Post('members/:id/reveal')
  @Roles(...PARTY_KEEPERS)
  @HttpCode(200)
  @ApiOperation({
    summary: "A member's name, ID number and/or phone in clear, with a reason; written to the audit log first",
    description: "For keepers of the member's organisation's unit. Rate-limited per caller like every reveal.",
  })
  reveal(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: RevealMemberBody) {
    return this.members.reveal(caller, id, body);
  }

  @Get('me')
  @Roles('party_member')
  @ApiOperation({ summary: 'Your own party member record (the member linked to your account), masked' })
  own(@CurrentCaller() caller: Caller) {
    return this.members.own(caller);
  }
}
