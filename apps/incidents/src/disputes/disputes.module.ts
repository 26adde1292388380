import { Module } from '@nestjs/common';
import { IncidentModule } from '../incident/incident.module';
import { DisputeRepository } from './dispute.repository';
import { DisputesBusController } from './disputes.bus-controller';
import { AddDisputePartyUseCase } from './use-cases/add-dispute-party/add-dispute-party.use-case';
import { AddMediationSessionUseCase } from './use-cases/add-mediation-session/add-mediation-session.use-case';
import { ReadDisputeUseCase } from './use-cases/read-dispute/read-dispute.use-case';
import { SetDisputeAgreementUseCase } from './use-cases/set-dispute-agreement/set-dispute-agreement.use-case';

/** Dispute mediation (矛盾纠纷) on dispute cases: parties, sessions, the agreement. */
@Module({
  imports: [IncidentModule],
  controllers: [DisputesBusController],
  providers: [DisputeRepository, ReadDisputeUseCase, AddDisputePartyUseCase, AddMediationSessionUseCase, SetDisputeAgreementUseCase],
})
export class DisputesModule {}
