import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, PARTY_KEEPERS, PARTY_READERS, Roles, SERVICE_LEDGER_READERS, SERVICE_RECORDERS, type Caller } from '@gridline/auth';
import { DecideServiceRecordBody, LedgerClient, LedgerTotalsQuery, LedgerYearQuery, ListServiceRecordsQuery, SubmitServiceRecordBody } from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiOffsetPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/** Party members' service ledger: hours and points for grid tasks and activities, approved by the branch secretary. */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party`)
export class LedgerController {
  constructor(private readonly ledger: LedgerClient) {}

  @Post('members/:id/ledger')
  @Roles(...SERVICE_RECORDERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a grid task a member served (a keeper of their branch, or the member themself), pending approval' })
  submit(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: SubmitServiceRecordBody) {
    return this.ledger.submit(caller, id, body);
  }

  @Get('members/:id/ledger')
  @Roles(...SERVICE_LEDGER_READERS)
  @ApiOperation({ summary: 'A member’s service records and totals for a China year (approved; pending apart)' })
  memberLedger(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Query() { year }: LedgerYearQuery) {
    return this.ledger.memberLedger(caller, id, year);
  }

  @Post('me/ledger')
  @Roles('party_member')
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a grid task you served, for your branch secretary to approve' })
  submitOwn(@CurrentCaller() caller: Caller, @Body() body: SubmitServiceRecordBody) {
    return this.ledger.submit(caller, null, body);
  }

  @Get('me/ledger')
  @Roles('party_member')
  @ApiOperation({ summary: 'Your service records and totals for a China year' })
  ownLedger(@CurrentCaller() caller: Caller, @Query() { year }: LedgerYearQuery) {
    return this.ledger.memberLedger(caller, null, year);
  }

  @Get('ledger/records')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Service records of the organisations in your scope, oldest first (status=pending: what awaits a decision)' })
  @ApiOffsetPage('A service record as the member’s ledger lists it')
  records(@CurrentCaller() caller: Caller, @Query() query: ListServiceRecordsQuery) {
    return this.ledger.records(caller, query);
  }

  @Post('ledger/records/:id/decision')
  @Roles(...PARTY_KEEPERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or reject (with a reason) a pending record of your branch — never your own' })
  decide(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: DecideServiceRecordBody) {
    return this.ledger.decide(caller, id, body);
  }

  @Get('ledger/totals')
  @Roles(...PARTY_READERS)
  @ApiOperation({ summary: 'Approved hours, points and members per branch and per unit for a China year or a period, within your scope' })
  totals(@CurrentCaller() caller: Caller, @Query() query: LedgerTotalsQuery) {
    return this.ledger.totals(caller, query);
  }
}
