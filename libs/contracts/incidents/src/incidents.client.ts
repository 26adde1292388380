import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { INCIDENTS_REQUESTS } from './incidents.requests';
import type { ExportAuditEntryView, ExportAuditQuery, ExportFormat, ExportRecorded, OffsetPage } from '@gridline/platform';
import type { IncidentActionBody, IncidentCountsQuery, IncidentSnapshotQuery, ListIncidentsQuery, ReportIncidentRequest } from './incident/incident.dto';
import type { IncidentAction, IncidentCounts, IncidentPage, IncidentSnapshotPage, IncidentView, ReportResult, TimelineEntry } from './incident/incident.types';

/** The incidents service's commands and queries, typed. */
@Injectable()
export class IncidentsClient {
  constructor(private readonly bus: BusRequester) {}

  report(caller: Caller, incident: ReportIncidentRequest, idempotencyKey?: string): Promise<ReportResult> {
    return this.bus.request(INCIDENTS_REQUESTS.report, { incident, ...(idempotencyKey ? { idempotencyKey } : {}) }, { caller });
  }

  act(caller: Caller, id: string, action: IncidentAction, body: IncidentActionBody = {}): Promise<IncidentView> {
    return this.bus.request(INCIDENTS_REQUESTS.act, { ...body, id, action }, { caller });
  }

  get(caller: Caller, id: string): Promise<IncidentView> {
    return this.bus.request(INCIDENTS_REQUESTS.get, { id }, { caller });
  }

  timeline(caller: Caller, id: string): Promise<TimelineEntry[]> {
    return this.bus.request(INCIDENTS_REQUESTS.timeline, { id }, { caller });
  }

  list(caller: Caller, query: ListIncidentsQuery): Promise<IncidentPage> {
    return this.bus.request(INCIDENTS_REQUESTS.list, query, { caller });
  }

  counts(caller: Caller, query: IncidentCountsQuery): Promise<IncidentCounts> {
    return this.bus.request(INCIDENTS_REQUESTS.counts, query, { caller });
  }

  /** A page of every case as its transitions in the events' shape: answered to the analytics service acting for itself. */
  snapshot(caller: Caller, query: IncidentSnapshotQuery): Promise<IncidentSnapshotPage> {
    return this.bus.request(INCIDENTS_REQUESTS.snapshot, query, { caller });
  }

  /** Before an export: the cases in the caller's scope are counted (refused beyond `maxRows`) and the export audited. */
  recordExport(caller: Caller, filters: Omit<ListIncidentsQuery, 'cursor' | 'limit'>, format: ExportFormat, maxRows: number): Promise<ExportRecorded> {
    return this.bus.request(INCIDENTS_REQUESTS.recordExport, { ...filters, format, maxRows }, { caller });
  }

  /** The exports of case lists, newest first (admins). */
  exportAudit(caller: Caller, query: ExportAuditQuery): Promise<OffsetPage<ExportAuditEntryView>> {
    return this.bus.request(INCIDENTS_REQUESTS.exportAudit, query, { caller });
  }
}
