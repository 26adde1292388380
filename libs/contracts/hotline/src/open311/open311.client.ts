import { Injectable } from '@nestjs/common';
import { BusClient } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { HOTLINE_REQUESTS } from '../hotline.contract';
import type { IssueOpen311KeyRequest, PublicAppealsQuery, RecordOpen311MediaRequest } from './open311.dto';
import type { Open311Application, Open311KeyIssued, PublicAppealView } from './open311.types';

/** The hotline's side of Open311: client applications' API keys and the public view of appeals, typed. */
@Injectable()
export class HotlineOpen311Client {
  constructor(private readonly bus: BusClient) {}

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

  recordMedia(caller: Caller, request: RecordOpen311MediaRequest): Promise<RecordOpen311MediaRequest> {
    return this.bus.request(HOTLINE_REQUESTS.recordOpen311Media, request, { caller });
  }
}
