import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { INCIDENTS_REQUESTS, IncidentActionRequest, IncidentCountsQuery, IncidentIdRequest, IncidentSnapshotQuery, ListIncidentsQuery, RecordIncidentExportRequest, ReportIncidentCommandRequest, type ReportResult } from '@gridline/contracts-incidents';
import { ExportAuditQuery } from '@gridline/platform';
import { ActOnIncidentCommand } from './use-cases/act-on-incident/act-on-incident.command';
import { ActOnIncidentUseCase } from './use-cases/act-on-incident/act-on-incident.use-case';
import { CountIncidentsCommand } from './use-cases/count-incidents/count-incidents.command';
import { CountIncidentsUseCase } from './use-cases/count-incidents/count-incidents.use-case';
import { GetIncidentCommand } from './use-cases/get-incident/get-incident.command';
import { GetIncidentUseCase } from './use-cases/get-incident/get-incident.use-case';
import { GetIncidentTimelineCommand } from './use-cases/get-incident-timeline/get-incident-timeline.command';
import { GetIncidentTimelineUseCase } from './use-cases/get-incident-timeline/get-incident-timeline.use-case';
import { GiveIncidentSnapshotQuery } from './use-cases/give-incident-snapshot/give-incident-snapshot.query';
import { GiveIncidentSnapshotUseCase } from './use-cases/give-incident-snapshot/give-incident-snapshot.use-case';
import { ListIncidentsCommand } from './use-cases/list-incidents/list-incidents.command';
import { ListIncidentsUseCase } from './use-cases/list-incidents/list-incidents.use-case';
import { ListIncidentExportsQuery } from './use-cases/list-incident-exports/list-incident-exports.query';
import { ListIncidentExportsUseCase } from './use-cases/list-incident-exports/list-incident-exports.use-case';
import { RecordIncidentExportCommand } from './use-cases/record-incident-export/record-incident-export.command';
import { RecordIncidentExportUseCase } from './use-cases/record-incident-export/record-incident-export.use-case';
import { ReportIncidentCommand } from './use-cases/report-incident/report-incident.command';
import { ReportIncidentUseCase } from './use-cases/report-incident/report-incident.use-case';

/** The case process on the bus. */
@Controller()
export class IncidentsBusController {
  constructor(
    private readonly reportIncident: ReportIncidentUseCase,
    private readonly actOnIncident: ActOnIncidentUseCase,
    private readonly getIncident: GetIncidentUseCase,
    private readonly getTimeline: GetIncidentTimelineUseCase,
    private readonly listIncidents: ListIncidentsUseCase,
    private readonly countIncidents: CountIncidentsUseCase,
    private readonly recordExport: RecordIncidentExportUseCase,
    private readonly exportAudit: ListIncidentExportsUseCase,
    private readonly giveSnapshot: GiveIncidentSnapshotUseCase,
  ) {}

  @MessagePattern(INCIDENTS_REQUESTS.report.pattern)
  @Idempotent({ replay: (result: ReportResult) => ({ ...result, replayed: true }) })
  report(@Payload() request: ReportIncidentCommandRequest, @BusCaller() caller: Caller) {
    return this.reportIncident.execute(new ReportIncidentCommand(caller, request.incident, request.idempotencyKey));
  }

  @MessagePattern(INCIDENTS_REQUESTS.act.pattern)
  act(@Payload() { id, action, ...body }: IncidentActionRequest, @BusCaller() caller: Caller) {
    return this.actOnIncident.execute(new ActOnIncidentCommand(caller, id, action, body));
  }

  @MessagePattern(INCIDENTS_REQUESTS.get.pattern)
  get(@Payload() { id }: IncidentIdRequest, @BusCaller() caller: Caller) {
    return this.getIncident.execute(new GetIncidentCommand(caller, id));
  }

  @MessagePattern(INCIDENTS_REQUESTS.timeline.pattern)
  timeline(@Payload() { id }: IncidentIdRequest, @BusCaller() caller: Caller) {
    return this.getTimeline.execute(new GetIncidentTimelineCommand(caller, id));
  }

  @MessagePattern(INCIDENTS_REQUESTS.list.pattern)
  list(@Payload() query: ListIncidentsQuery, @BusCaller() caller: Caller) {
    return this.listIncidents.execute(new ListIncidentsCommand(caller, query));
  }

  @MessagePattern(INCIDENTS_REQUESTS.snapshot.pattern)
  snapshot(@Payload() query: IncidentSnapshotQuery, @BusCaller() caller: Caller) {
    return this.giveSnapshot.execute(new GiveIncidentSnapshotQuery(caller, query));
  }

  @MessagePattern(INCIDENTS_REQUESTS.recordExport.pattern)
  exportRecord(@Payload() request: RecordIncidentExportRequest, @BusCaller() caller: Caller) {
    return this.recordExport.execute(new RecordIncidentExportCommand(caller, request));
  }

  @MessagePattern(INCIDENTS_REQUESTS.exportAudit.pattern)
  exports(@Payload() query: ExportAuditQuery, @BusCaller() caller: Caller) {
    return this.exportAudit.execute(new ListIncidentExportsQuery(caller, query));
  }

  @MessagePattern(INCIDENTS_REQUESTS.counts.pattern)
  counts(@Payload() { unit, by }: IncidentCountsQuery, @BusCaller() caller: Caller) {
    return this.countIncidents.execute(new CountIncidentsCommand(caller, unit, by === 'unit'));
  }
}
