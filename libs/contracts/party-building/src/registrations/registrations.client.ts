import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { REGISTRATION_REQUESTS } from './registration.requests';
import type { EndRegistrationBody, ListRegistrationsQuery, MyRegistrationsQuery, RejectRegistrationBody, SubmitRegistrationRequest } from './registration.dto';
import type { RegistrationHandoffDetails, RegistrationView } from './registration.types';

/** In-service party members' dual registrations, typed. */
@Injectable()
export class RegistrationsClient {
  constructor(private readonly bus: BusRequester) {}

  submit(caller: Caller, registration: SubmitRegistrationRequest): Promise<RegistrationView> {
    return this.bus.request(REGISTRATION_REQUESTS.submitRegistration, registration, { caller });
  }

  approve(caller: Caller, id: string): Promise<RegistrationView> {
    return this.bus.request(REGISTRATION_REQUESTS.approveRegistration, { id }, { caller });
  }

  reject(caller: Caller, id: string, body: RejectRegistrationBody): Promise<RegistrationView> {
    return this.bus.request(REGISTRATION_REQUESTS.rejectRegistration, { id, body }, { caller });
  }

  end(caller: Caller, id: string, body: EndRegistrationBody = {}): Promise<RegistrationView> {
    return this.bus.request(REGISTRATION_REQUESTS.endRegistration, { id, body }, { caller });
  }

  get(caller: Caller, id: string): Promise<RegistrationView> {
    return this.bus.request(REGISTRATION_REQUESTS.getRegistration, { id }, { caller });
  }

  list(caller: Caller, query: ListRegistrationsQuery): Promise<OffsetPage<RegistrationView>> {
    return this.bus.request(REGISTRATION_REQUESTS.listRegistrations, query, { caller });
  }

  mine(caller: Caller, query: MyRegistrationsQuery): Promise<OffsetPage<RegistrationView>> {
    return this.bus.request(REGISTRATION_REQUESTS.myRegistrations, query, { caller });
  }

  /** The registry's question, as itself (pass SYSTEM_CALLER): who the approved member is. */
  handoff(caller: Caller, id: string): Promise<RegistrationHandoffDetails> {
    return this.bus.request(REGISTRATION_REQUESTS.registrationHandoff, { id }, { caller });
  }
}
