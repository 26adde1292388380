import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { HOTLINE_REQUESTS } from '../hotline.requests';
import type { IssueOpen311KeyRequest, PublicAppealUpdatesQuery, PublicAppealsQuery, RecordOpen311MediaRequest, RecordOpen311UpdateRequest } from './open311.dto';
import type { Open311Application, Open311KeyIssued, Open311UpdateRecorded, PublicAppealUpdateView, PublicAppealView } from './open311.types';

/** The hotline's side of Open311: client applications' API keys and the public view of appeals, typed. */
@Injectable()
export class HotlineOpen311Client {
  constructor(private readonly bus: BusRequester) {}

  issueKey(caller: Caller, request: IssueOpen311KeyRequest): Promise<Open311KeyIssued> {
    return this.bus.request(HOTLINE_REQUESTS.issueOpen311Key, request, { caller });
  }

  /** The application an API key belongs to; 403 OPEN311_KEY_INVALID for an unknown key. */
  verifyKey(caller: Caller, apiKey: string): Promise<Open311Application> {
    return this.bus.request(HOTLINE_REQUESTS.verifyOpen311Key, { apiKey }, { caller });
  }

  publicAppeals(caller: Caller, query: PublicAppealsQuery): Promise<PublicAppealView[]> {
    return this.bus.request(HOTLINE_REQUESTS.publicAppeals, query, { caller });
  }

  /** The public steps of published appeals within a period, oldest first (FixMyStreet's servicerequestupdates). */
  publicUpdates(caller: Caller, query: PublicAppealUpdatesQuery): Promise<PublicAppealUpdateView[]> {
    return this.bus.request(HOTLINE_REQUESTS.publicAppealUpdates, query, { caller });
  }

  /** A citizen's comment on a published appeal, on its timeline; 404 OPEN311_REQUEST_NOT_FOUND for an unknown one. */
  recordUpdate(caller: Caller, request: RecordOpen311UpdateRequest): Promise<Open311UpdateRecorded> {
    return this.bus.request(HOTLINE_REQUESTS.recordOpen311Update, request, { caller });
  }

  recordMedia(caller: Caller, request: RecordOpen311MediaRequest): Promise<RecordOpen311MediaRequest> {
    return this.bus.request(HOTLINE_REQUESTS.recordOpen311Media, request, { caller });
  }
}
