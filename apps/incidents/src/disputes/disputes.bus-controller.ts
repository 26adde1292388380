import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { AddDisputePartyRequest, AddMediationSessionRequest, INCIDENTS_REQUESTS, IncidentIdRequest, SetDisputeAgreementRequest } from '@gridline/contracts-incidents';
import { AddDisputePartyCommand } from './use-cases/add-dispute-party/add-dispute-party.command';
import { AddDisputePartyUseCase } from './use-cases/add-dispute-party/add-dispute-party.use-case';
import { AddMediationSessionCommand } from './use-cases/add-mediation-session/add-mediation-session.command';
import { AddMediationSessionUseCase } from './use-cases/add-mediation-session/add-mediation-session.use-case';
import { ReadDisputeCommand } from './use-cases/read-dispute/read-dispute.command';
import { ReadDisputeUseCase } from './use-cases/read-dispute/read-dispute.use-case';
import { SetDisputeAgreementCommand } from './use-cases/set-dispute-agreement/set-dispute-agreement.command';
import { SetDisputeAgreementUseCase } from './use-cases/set-dispute-agreement/set-dispute-agreement.use-case';

/** Dispute mediation on the bus. */
@Controller()
export class DisputesBusController {
  constructor(
    private readonly readDispute: ReadDisputeUseCase,
    private readonly addParty: AddDisputePartyUseCase,
    private readonly addSession: AddMediationSessionUseCase,
    private readonly setAgreement: SetDisputeAgreementUseCase,
  ) {}

  @MessagePattern(INCIDENTS_REQUESTS.getDispute.pattern)
  get(@Payload() { id }: IncidentIdRequest, @BusCaller() caller: Caller) {
    return this.readDispute.execute(new ReadDisputeCommand(caller, id));
  }

  @MessagePattern(INCIDENTS_REQUESTS.addDisputeParty.pattern)
  @Idempotent()
  party(@Payload() { id, ...party }: AddDisputePartyRequest, @BusCaller() caller: Caller) {
    return this.addParty.execute(new AddDisputePartyCommand(caller, id, party));
  }

  @MessagePattern(INCIDENTS_REQUESTS.addMediationSession.pattern)
  @Idempotent()
  session(@Payload() { id, ...session }: AddMediationSessionRequest, @BusCaller() caller: Caller) {
    return this.addSession.execute(new AddMediationSessionCommand(caller, id, session));
  }

  @MessagePattern(INCIDENTS_REQUESTS.setDisputeAgreement.pattern)
  agreement(@Payload() { id, ...agreement }: SetDisputeAgreementRequest, @BusCaller() caller: Caller) {
    return this.setAgreement.execute(new SetDisputeAgreementCommand(caller, id, agreement));
  }
}
