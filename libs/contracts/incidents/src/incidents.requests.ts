import { defineRequest, serviceInfoRequest } from '@gridline/messaging/contracts';

import type { IncidentActionRequest, IncidentCountsQuery, IncidentIdRequest, IncidentSnapshotQuery, ListIncidentsQuery, RecordIncidentExportRequest, ReportIncidentCommandRequest } from './incident/incident.dto';
import type { IncidentCounts, IncidentPage, IncidentSnapshotPage, IncidentView, ReportResult, TimelineEntry } from './incident/incident.types';
import type { AddDisputePartyRequest, AddMediationSessionRequest, SetDisputeAgreementRequest } from './disputes/dispute.dto';
import type { DisputeView } from './disputes/dispute.types';
import type { ListVisitsQuery, LogVisitRequest, OpenVisitIncidentRequest } from './visits/visit.dto';
import type { VisitView } from './visits/visit.types';
import type { LiftToJointDiscussionRequest } from './joint-discussion/joint-discussion.dto';
import type { JointDiscussionView } from './joint-discussion/joint-discussion.types';
import type { CloseDiscussionRequest, CompleteDiscussionTaskRequest, DiscussionIdRequest, ListDiscussionTasksQuery, ListDiscussionsQuery, RecordDiscussionMeetingRequest } from './discussions/discussion.dto';
import type { DiscussionPage, DiscussionTaskPage, DiscussionTaskView, DiscussionView } from './discussions/discussion.types';
import type { ExportAuditEntryView, ExportAuditQuery, ExportRecorded, OffsetPage } from '@gridline/platform';
import type { BeginPhotoUploadRequest, CommitPhotoRequest, IncidentPhotoRequest, PhotoChunkRequest, ReadPhotoChunkRequest } from './photos/photo.dto';
import type { BeginPhotoUploadResult, PhotoChunk, PhotoChunkAck, PhotoContent, PhotoView } from './photos/photo.types';

/** Health of a service over the bus (the one definition, in @gridline/messaging). */
export type { ServiceInfo } from '@gridline/messaging/contracts';

/** Every command and query the incidents service answers over the bus. */
export const INCIDENTS_REQUESTS = {
  info: serviceInfoRequest('incidents'),
  report: defineRequest<ReportIncidentCommandRequest, ReportResult>('incidents', 'incidents.incident.report'),
  act: defineRequest<IncidentActionRequest, IncidentView>('incidents', 'incidents.incident.act'),
  get: defineRequest<IncidentIdRequest, IncidentView>('incidents', 'incidents.incident.get'),
  timeline: defineRequest<IncidentIdRequest, TimelineEntry[]>('incidents', 'incidents.incident.timeline'),
  list: defineRequest<ListIncidentsQuery, IncidentPage>('incidents', 'incidents.incident.list'),
  counts: defineRequest<IncidentCountsQuery, IncidentCounts>('incidents', 'incidents.incident.counts'),
  /** Every case as its transitions in the events' shape, keyset-paged; for `svc:analytics` only (its bootstrap). */
  snapshot: defineRequest<IncidentSnapshotQuery, IncidentSnapshotPage>('incidents', 'incidents.incident.snapshot'),
  recordExport: defineRequest<RecordIncidentExportRequest, ExportRecorded>('incidents', 'incidents.incident.export.record'),
  exportAudit: defineRequest<ExportAuditQuery, OffsetPage<ExportAuditEntryView>>('incidents', 'incidents.incident.export.audit'),
  getDispute: defineRequest<IncidentIdRequest, DisputeView>('incidents', 'incidents.dispute.get'),
  addDisputeParty: defineRequest<AddDisputePartyRequest, DisputeView>('incidents', 'incidents.dispute.add_party'),
  addMediationSession: defineRequest<AddMediationSessionRequest, DisputeView>('incidents', 'incidents.dispute.add_session'),
  setDisputeAgreement: defineRequest<SetDisputeAgreementRequest, DisputeView>('incidents', 'incidents.dispute.set_agreement'),
  logVisit: defineRequest<LogVisitRequest, VisitView>('incidents', 'incidents.visit.log'),
  listVisits: defineRequest<ListVisitsQuery, OffsetPage<VisitView>>('incidents', 'incidents.visit.list'),
  openVisitIncident: defineRequest<OpenVisitIncidentRequest, ReportResult>('incidents', 'incidents.visit.open_incident'),
  liftToJointDiscussion: defineRequest<LiftToJointDiscussionRequest, JointDiscussionView>('incidents', 'incidents.joint_discussion.record'),
  jointDiscussions: defineRequest<IncidentIdRequest, JointDiscussionView[]>('incidents', 'incidents.joint_discussion.list'),
  listDiscussions: defineRequest<ListDiscussionsQuery, DiscussionPage>('incidents', 'incidents.discussion.list'),
  getDiscussion: defineRequest<DiscussionIdRequest, DiscussionView>('incidents', 'incidents.discussion.get'),
  recordDiscussionMeeting: defineRequest<RecordDiscussionMeetingRequest, DiscussionView>('incidents', 'incidents.discussion.record_meeting'),
  closeDiscussion: defineRequest<CloseDiscussionRequest, DiscussionView>('incidents', 'incidents.discussion.close'),
  listDiscussionTasks: defineRequest<ListDiscussionTasksQuery, DiscussionTaskPage>('incidents', 'incidents.discussion_task.list'),
  completeDiscussionTask: defineRequest<CompleteDiscussionTaskRequest, DiscussionTaskView>('incidents', 'incidents.discussion_task.complete'),
  beginPhotoUpload: defineRequest<BeginPhotoUploadRequest, BeginPhotoUploadResult>('incidents', 'incidents.photo.begin'),
  photoChunk: defineRequest<PhotoChunkRequest, PhotoChunkAck>('incidents', 'incidents.photo.chunk'),
  commitPhoto: defineRequest<CommitPhotoRequest, PhotoView>('incidents', 'incidents.photo.commit'),
  getPhoto: defineRequest<IncidentPhotoRequest, PhotoContent>('incidents', 'incidents.photo.get'),
  readPhotoChunk: defineRequest<ReadPhotoChunkRequest, PhotoChunk>('incidents', 'incidents.photo.read'),
} as const;
