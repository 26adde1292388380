import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { INCIDENTS_REQUESTS } from '../incidents.requests';
import type { ReportResult } from '../incident/incident.types';
import type { ListVisitsQuery, LogVisitRequest, OpenVisitIncidentBody } from './visit.dto';
import type { VisitView } from './visit.types';

/** Household visits, typed. */
@Injectable()
export class VisitsClient {
  constructor(private readonly bus: BusRequester) {}

  log(caller: Caller, visit: LogVisitRequest): Promise<VisitView> {
    return this.bus.request(INCIDENTS_REQUESTS.logVisit, visit, { caller });
  }

  list(caller: Caller, query: ListVisitsQuery): Promise<OffsetPage<VisitView>> {
    return this.bus.request(INCIDENTS_REQUESTS.listVisits, query, { caller });
  }

  openIncident(caller: Caller, id: string, incident: OpenVisitIncidentBody): Promise<ReportResult> {
    return this.bus.request(INCIDENTS_REQUESTS.openVisitIncident, { id, incident }, { caller });
  }
}
