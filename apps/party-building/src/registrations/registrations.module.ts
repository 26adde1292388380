import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { RegistrationAccess } from './registration-access';
import { RegistrationMembers } from './registration-members';
import { RegistrationRepository } from './registration.repository';
import { RegistrationViews } from './registration-views';
import { RegistrationsBusController } from './registrations.bus-controller';
import { RegistryHandoffSubscriber } from './registry-handoff.subscriber';
import { DecideRegistrationUseCase } from './use-cases/decide-registration/decide-registration.use-case';
import { EndRegistrationUseCase } from './use-cases/end-registration/end-registration.use-case';
import { GetRegistrationUseCase } from './use-cases/get-registration/get-registration.use-case';
import { GiveHandoffDetailsUseCase } from './use-cases/give-handoff-details/give-handoff-details.use-case';
import { ListRegistrationsUseCase } from './use-cases/list-registrations/list-registrations.use-case';
import { MyRegistrationsUseCase } from './use-cases/my-registrations/my-registrations.use-case';
import { RecordHandoffOutcomeUseCase } from './use-cases/record-handoff-outcome/record-handoff-outcome.use-case';
import { SubmitRegistrationUseCase } from './use-cases/submit-registration/submit-registration.use-case';

/** In-service party members' dual registration (双报到) and its hand-off to the registry. */
@Module({
  imports: [MembersModule],
  controllers: [RegistrationsBusController],
  providers: [
    RegistrationRepository,
    RegistrationAccess,
    RegistrationViews,
    RegistrationMembers,
    SubmitRegistrationUseCase,
    DecideRegistrationUseCase,
    EndRegistrationUseCase,
    GetRegistrationUseCase,
    ListRegistrationsUseCase,
    MyRegistrationsUseCase,
    GiveHandoffDetailsUseCase,
    RecordHandoffOutcomeUseCase,
    RegistryHandoffSubscriber,
  ],
})
export class RegistrationsModule {}
