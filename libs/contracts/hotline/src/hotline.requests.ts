import { defineRequest, serviceInfoRequest } from '@gridline/messaging/contracts';

import type { AppealActionRequest, AppealCursorPageRequest, AppealIdRequest, AppealSnapshotQuery, CallerAuditQuery, FiguresQuery, IntakeAppealRequest, ListAppealsQuery, RecordAppealExportRequest, RelatedAppealsQuery, RevealCallerRequest } from './appeal/appeal.dto';
import type { AppealSnapshotPage } from './appeal/appeal.events';
import type { AppealTimelineEntry, AppealView, CallerAuditEntryView, IntakeResult, OwnerFigures, OwnerSuggestion, RelatedAppeal, RevealedCallerView } from './appeal/appeal.types';
import type { CursorPage, ExportAuditEntryView, ExportAuditQuery, ExportRecorded, OffsetPage } from '@gridline/platform';
import type { IssueOpen311KeyRequest, PublicAppealUpdatesQuery, PublicAppealsQuery, RecordOpen311MediaRequest, RecordOpen311UpdateRequest, VerifyOpen311KeyRequest } from './open311/open311.dto';
import type { Open311Application, Open311KeyIssued, Open311UpdateRecorded, PublicAppealUpdateView, PublicAppealView } from './open311/open311.types';

/** Health of a service over the bus (the one definition, in @gridline/messaging). */
export type { ServiceInfo } from '@gridline/messaging/contracts';

/** Every command and query the hotline service answers over the bus. */
export const HOTLINE_REQUESTS = {
  info: serviceInfoRequest('hotline'),
  intake: defineRequest<IntakeAppealRequest, IntakeResult>('hotline', 'hotline.appeal.intake'),
  /** The appeals intake would show as related, for a call not yet taken (the operator's typing so far). */
  related: defineRequest<RelatedAppealsQuery, RelatedAppeal[]>('hotline', 'hotline.appeal.related'),
  act: defineRequest<AppealActionRequest, AppealView>('hotline', 'hotline.appeal.act'),
  get: defineRequest<AppealIdRequest, AppealView>('hotline', 'hotline.appeal.get'),
  timeline: defineRequest<AppealIdRequest, AppealTimelineEntry[]>('hotline', 'hotline.appeal.timeline'),
  ownerSuggestion: defineRequest<AppealIdRequest, OwnerSuggestion>('hotline', 'hotline.appeal.owner-suggestion'),
  list: defineRequest<ListAppealsQuery, OffsetPage<AppealView>>('hotline', 'hotline.appeal.list'),
  /** Every appeal as its newest state in the appeal events' payload, keyset-paged; for `svc:analytics` only (its bootstrap). */
  snapshot: defineRequest<AppealSnapshotQuery, AppealSnapshotPage>('hotline', 'hotline.appeal.snapshot'),
  listByCursor: defineRequest<AppealCursorPageRequest, CursorPage<AppealView>>('hotline', 'hotline.appeal.export.page'),
  recordExport: defineRequest<RecordAppealExportRequest, ExportRecorded>('hotline', 'hotline.appeal.export.record'),
  exportAudit: defineRequest<ExportAuditQuery, OffsetPage<ExportAuditEntryView>>('hotline', 'hotline.appeal.export.audit'),
  figures: defineRequest<FiguresQuery, OwnerFigures[]>('hotline', 'hotline.figures.get'),
  revealCaller: defineRequest<RevealCallerRequest, RevealedCallerView>('hotline', 'hotline.appeal.caller.reveal'),
  callerAudit: defineRequest<CallerAuditQuery, OffsetPage<CallerAuditEntryView>>('hotline', 'hotline.appeal.caller.audit'),
  issueOpen311Key: defineRequest<IssueOpen311KeyRequest, Open311KeyIssued>('hotline', 'hotline.open311.key.issue'),
  verifyOpen311Key: defineRequest<VerifyOpen311KeyRequest, Open311Application>('hotline', 'hotline.open311.key.verify'),
  publicAppeals: defineRequest<PublicAppealsQuery, PublicAppealView[]>('hotline', 'hotline.open311.appeal.list'),
  recordOpen311Media: defineRequest<RecordOpen311MediaRequest, RecordOpen311MediaRequest>('hotline', 'hotline.open311.media.record'),
  publicAppealUpdates: defineRequest<PublicAppealUpdatesQuery, PublicAppealUpdateView[]>('hotline', 'hotline.open311.update.list'),
  recordOpen311Update: defineRequest<RecordOpen311UpdateRequest, Open311UpdateRecorded>('hotline', 'hotline.open311.update.record'),
} as const;
