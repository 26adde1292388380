import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { HOTLINE_REQUESTS } from './hotline.requests';
import type { CursorPage, ExportAuditEntryView, ExportAuditQuery, ExportFormat, ExportRecorded, OffsetPage } from '@gridline/platform';
import type { AppealActionBody, AppealCursorPageRequest, AppealSnapshotQuery, CallerAuditQuery, FiguresQuery, IntakeAppealRequest, ListAppealsQuery, RelatedAppealsQuery, RevealCallerQuery } from './appeal/appeal.dto';
import type { AppealSnapshotPage } from './appeal/appeal.events';
import type { AppealAction, AppealTimelineEntry, AppealView, CallerAuditEntryView, IntakeResult, OwnerFigures, OwnerSuggestion, RelatedAppeal, RevealedCallerView } from './appeal/appeal.types';

/** The hotline's commands and queries, typed. */
@Injectable()
export class HotlineClient {
  constructor(private readonly bus: BusRequester) {}

  intake(caller: Caller, appeal: IntakeAppealRequest): Promise<IntakeResult> {
    return this.bus.request(HOTLINE_REQUESTS.intake, appeal, { caller });
  }

  related(caller: Caller, query: RelatedAppealsQuery): Promise<RelatedAppeal[]> {
    return this.bus.request(HOTLINE_REQUESTS.related, query, { caller });
  }

  act(caller: Caller, id: string, action: AppealAction, body: AppealActionBody = {}): Promise<AppealView> {
    return this.bus.request(HOTLINE_REQUESTS.act, { ...body, id, action }, { caller });
  }

  get(caller: Caller, id: string): Promise<AppealView> {
    return this.bus.request(HOTLINE_REQUESTS.get, { id }, { caller });
  }

  timeline(caller: Caller, id: string): Promise<AppealTimelineEntry[]> {
    return this.bus.request(HOTLINE_REQUESTS.timeline, { id }, { caller });
  }

  ownerSuggestion(caller: Caller, id: string): Promise<OwnerSuggestion> {
    return this.bus.request(HOTLINE_REQUESTS.ownerSuggestion, { id }, { caller });
  }

  list(caller: Caller, query: ListAppealsQuery): Promise<OffsetPage<AppealView>> {
    return this.bus.request(HOTLINE_REQUESTS.list, query, { caller });
  }

  /** The list's appeals in keyset pages (newest first): what an export reads. */
  /** A page of every appeal as its newest state in the events' payload: answered to the analytics service acting for itself. */
  snapshot(caller: Caller, query: AppealSnapshotQuery): Promise<AppealSnapshotPage> {
    return this.bus.request(HOTLINE_REQUESTS.snapshot, query, { caller });
  }

  listByCursor(caller: Caller, query: AppealCursorPageRequest): Promise<CursorPage<AppealView>> {
    return this.bus.request(HOTLINE_REQUESTS.listByCursor, query, { caller });
  }

  /** Before an export: the appeals in the caller's scope are counted (refused beyond `maxRows`) and the export audited. */
  recordExport(caller: Caller, filters: Omit<ListAppealsQuery, 'page' | 'pageSize'>, format: ExportFormat, maxRows: number): Promise<ExportRecorded> {
    return this.bus.request(HOTLINE_REQUESTS.recordExport, { ...filters, format, maxRows }, { caller });
  }

  /** The exports of appeal lists, newest first (admins). */
  exportAudit(caller: Caller, query: ExportAuditQuery): Promise<OffsetPage<ExportAuditEntryView>> {
    return this.bus.request(HOTLINE_REQUESTS.exportAudit, query, { caller });
  }

  figures(caller: Caller, query: FiguresQuery): Promise<OwnerFigures[]> {
    return this.bus.request(HOTLINE_REQUESTS.figures, query, { caller });
  }

  /** The caller's name and/or phone in clear, with a reason: audited before it is shown. */
  revealCaller(caller: Caller, id: string, query: RevealCallerQuery): Promise<RevealedCallerView> {
    return this.bus.request(HOTLINE_REQUESTS.revealCaller, { ...query, id }, { caller });
  }

  callerAudit(caller: Caller, query: CallerAuditQuery): Promise<OffsetPage<CallerAuditEntryView>> {
    return this.bus.request(HOTLINE_REQUESTS.callerAudit, query, { caller });
  }
}
