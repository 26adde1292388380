import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gridline/auth';
import { AddDisputePartyBody, AddMediationSessionBody, DisputesClient, SetDisputeAgreementBody } from '@gridline/contracts-incidents';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

/** Dispute mediation (矛盾纠纷) on cases of a DISPUTE category: parties, sessions, agreement. */
@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/incidents/:id/dispute`)
export class DisputesController {
  constructor(private readonly disputes: DisputesClient) {}

  @Get()
  @ApiOperation({ summary: 'The dispute of a case: parties, mediation sessions, agreement, resolved (409 for a case that is no dispute)' })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.disputes.get(caller, id);
  }

  @Post('parties')
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: "Add a party to a dispute (the case's owner or grid centre, while the case is dispatched, in progress or handled)" })
  addParty(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: AddDisputePartyBody) {
    return this.disputes.addParty(caller, id, body);
  }

  @Post('sessions')
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a mediation session of a dispute: day, mediator, outcome' })
  addSession(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: AddMediationSessionBody) {
    return this.disputes.addSession(caller, id, body);
  }

  @Put('agreement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set (or replace) the agreement of a dispute and whether it is resolved' })
  setAgreement(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: SetDisputeAgreementBody) {
    return this.disputes.setAgreement(caller, id, body);
  }
}
