import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { INCIDENTS_REQUESTS } from '../incidents.requests';
import type { AddDisputePartyBody, AddMediationSessionBody, SetDisputeAgreementBody } from './dispute.dto';
import type { DisputeView } from './dispute.types';

/** Dispute mediation on a case, typed. */
@Injectable()
export class DisputesClient {
  constructor(private readonly bus: BusRequester) {}

  get(caller: Caller, id: string): Promise<DisputeView> {
    return this.bus.request(INCIDENTS_REQUESTS.getDispute, { id }, { caller });
  }

  addParty(caller: Caller, id: string, party: AddDisputePartyBody): Promise<DisputeView> {
    return this.bus.request(INCIDENTS_REQUESTS.addDisputeParty, { ...party, id }, { caller });
  }

  addSession(caller: Caller, id: string, session: AddMediationSessionBody): Promise<DisputeView> {
    return this.bus.request(INCIDENTS_REQUESTS.addMediationSession, { ...session, id }, { caller });
  }

  setAgreement(caller: Caller, id: string, agreement: SetDisputeAgreementBody): Promise<DisputeView> {
    return this.bus.request(INCIDENTS_REQUESTS.setDisputeAgreement, { ...agreement, id }, { caller });
  }
}
