import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  EndRegistrationRequest,
  ListRegistrationsQuery as ListRegistrationsRequest,
  MyRegistrationsQuery as MyRegistrationsRequest,
  PARTY_BUILDING_REQUESTS,
  RegistrationIdRequest,
  RejectRegistrationRequest,
  SubmitRegistrationRequest,
} from '@gridline/contracts-party-building';
import { DecideRegistrationCommand } from './use-cases/decide-registration/decide-registration.command';
import { DecideRegistrationUseCase } from './use-cases/decide-registration/decide-registration.use-case';
import { EndRegistrationCommand } from './use-cases/end-registration/end-registration.command';
import { EndRegistrationUseCase } from './use-cases/end-registration/end-registration.use-case';
import { GetRegistrationQuery } from './use-cases/get-registration/get-registration.query';
import { GetRegistrationUseCase } from './use-cases/get-registration/get-registration.use-case';
import { GiveHandoffDetailsQuery } from './use-cases/give-handoff-details/give-handoff-details.query';
import { GiveHandoffDetailsUseCase } from './use-cases/give-handoff-details/give-handoff-details.use-case';
import { ListRegistrationsQuery } from './use-cases/list-registrations/list-registrations.query';
import { ListRegistrationsUseCase } from './use-cases/list-registrations/list-registrations.use-case';
import { MyRegistrationsQuery } from './use-cases/my-registrations/my-registrations.query';
import { MyRegistrationsUseCase } from './use-cases/my-registrations/my-registrations.use-case';
import { SubmitRegistrationCommand } from './use-cases/submit-registration/submit-registration.command';
import { SubmitRegistrationUseCase } from './use-cases/submit-registration/submit-registration.use-case';

/** In-service members' dual registrations on the bus. */
@Controller()
export class RegistrationsBusController {
  constructor(
    private readonly submitRegistration: SubmitRegistrationUseCase,
    private readonly decideRegistration: DecideRegistrationUseCase,
    private readonly endRegistration: EndRegistrationUseCase,
    private readonly getRegistration: GetRegistrationUseCase,
    private readonly listRegistrations: ListRegistrationsUseCase,
    private readonly myRegistrations: MyRegistrationsUseCase,
    private readonly handoffDetails: GiveHandoffDetailsUseCase,
  ) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.submitRegistration.pattern)
  @Idempotent()
  submit(@Payload() request: SubmitRegistrationRequest, @BusCaller() caller: Caller) {
    return this.submitRegistration.execute(new SubmitRegistrationCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.approveRegistration.pattern)
  approve(@Payload() { id }: RegistrationIdRequest, @BusCaller() caller: Caller) {
    return this.decideRegistration.execute(new DecideRegistrationCommand(caller, id, { approve: true }));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.rejectRegistration.pattern)
  reject(@Payload() { id, body }: RejectRegistrationRequest, @BusCaller() caller: Caller) {
    return this.decideRegistration.execute(new DecideRegistrationCommand(caller, id, { approve: false, reason: body.reason }));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.endRegistration.pattern)
  end(@Payload() { id, body }: EndRegistrationRequest, @BusCaller() caller: Caller) {
    return this.endRegistration.execute(new EndRegistrationCommand(caller, id, body.endsOn));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.getRegistration.pattern)
  get(@Payload() { id }: RegistrationIdRequest, @BusCaller() caller: Caller) {
    return this.getRegistration.execute(new GetRegistrationQuery(caller, id));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listRegistrations.pattern)
  list(@Payload() query: ListRegistrationsRequest, @BusCaller() caller: Caller) {
    return this.listRegistrations.execute(new ListRegistrationsQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.myRegistrations.pattern)
  mine(@Payload() query: MyRegistrationsRequest, @BusCaller() caller: Caller) {
    return this.myRegistrations.execute(new MyRegistrationsQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.registrationHandoff.pattern)
  handoff(@Payload() { id }: RegistrationIdRequest, @BusCaller() caller: Caller) {
    return this.handoffDetails.execute(new GiveHandoffDetailsQuery(caller, id));
  }
}
