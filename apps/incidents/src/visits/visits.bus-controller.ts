import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { INCIDENTS_REQUESTS, ListVisitsQuery, LogVisitRequest, OpenVisitIncidentRequest, type ReportResult } from '@gridline/contracts-incidents';
import { ListVisitsCommand } from './use-cases/list-visits/list-visits.command';
import { ListVisitsUseCase } from './use-cases/list-visits/list-visits.use-case';
import { LogVisitCommand } from './use-cases/log-visit/log-visit.command';
import { LogVisitUseCase } from './use-cases/log-visit/log-visit.use-case';
import { OpenVisitIncidentCommand } from './use-cases/open-visit-incident/open-visit-incident.command';
import { OpenVisitIncidentUseCase } from './use-cases/open-visit-incident/open-visit-incident.use-case';

/** Household visits on the bus. */
@Controller()
export class VisitsBusController {
  constructor(
    private readonly logVisit: LogVisitUseCase,
    private readonly listVisits: ListVisitsUseCase,
    private readonly openIncident: OpenVisitIncidentUseCase,
  ) {}

  @MessagePattern(INCIDENTS_REQUESTS.logVisit.pattern)
  @Idempotent()
  log(@Payload() visit: LogVisitRequest, @BusCaller() caller: Caller) {
    return this.logVisit.execute(new LogVisitCommand(caller, visit));
  }

  @MessagePattern(INCIDENTS_REQUESTS.listVisits.pattern)
  list(@Payload() query: ListVisitsQuery, @BusCaller() caller: Caller) {
    return this.listVisits.execute(new ListVisitsCommand(caller, query));
  }

  @MessagePattern(INCIDENTS_REQUESTS.openVisitIncident.pattern)
  @Idempotent({ replay: (result: ReportResult) => ({ ...result, replayed: true }) })
  open(@Payload() { id, incident }: OpenVisitIncidentRequest, @BusCaller() caller: Caller) {
    return this.openIncident.execute(new OpenVisitIncidentCommand(caller, id, incident));
  }
}
