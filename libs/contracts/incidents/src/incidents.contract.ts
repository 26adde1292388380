import { defineEvent, defineRequest } from '@gridline/messaging';
import type { IncidentActionRequest, IncidentCountsQuery, IncidentIdRequest, ListIncidentsQuery, ReportIncidentCommandRequest } from './incident/incident.dto';
import type { AppealHandoffFailedEventData, IncidentEventData } from './incident/incident.events';
import type { IncidentCounts, IncidentPage, IncidentView, ReportResult, TimelineEntry } from './incident/incident.types';
import type { AddDisputePartyRequest, AddMediationSessionRequest, SetDisputeAgreementRequest } from './disputes/dispute.dto';
import type { DisputeView } from './disputes/dispute.types';
import type { ListVisitsQuery, LogVisitRequest, OpenVisitIncidentRequest } from './visits/visit.dto';
import type { VisitLoggedEventData } from './visits/visit.events';
import type { VisitView } from './visits/visit.types';
import type { LiftToJointDiscussionRequest } from './joint-discussion/joint-discussion.dto';
import type { JointDiscussionView } from './joint-discussion/joint-discussion.types';
import type { Page } from '@gridline/platform';
import type { BeginPhotoUploadRequest, CommitPhotoRequest, IncidentPhotoRequest, PhotoChunkRequest, ReadPhotoChunkRequest } from './photos/photo.dto';
import type { BeginPhotoUploadResult, PhotoChunk, PhotoChunkAck, PhotoContent, PhotoView } from './photos/photo.types';

/** Health of the incidents service over the bus. */
export interface ServiceInfo {
  service: string;
  version: string;
}

/** Every command and query the incidents service answers over the bus. */
export const INCIDENTS_REQUESTS = {
  info: defineRequest<Record<string, never>, ServiceInfo>('incidents', 'incidents.service.info'),
  report: defineRequest<ReportIncidentCommandRequest, ReportResult>('incidents', 'incidents.incident.report'),
  act: defineRequest<IncidentActionRequest, IncidentView>('incidents', 'incidents.incident.act'),
  get: defineRequest<IncidentIdRequest, IncidentView>('incidents', 'incidents.incident.get'),
  timeline: defineRequest<IncidentIdRequest, TimelineEntry[]>('incidents', 'incidents.incident.timeline'),
  list: defineRequest<ListIncidentsQuery, IncidentPage>('incidents', 'incidents.incident.list'),
  counts: defineRequest<IncidentCountsQuery, IncidentCounts>('incidents', 'incidents.incident.counts'),
  getDispute: defineRequest<IncidentIdRequest, DisputeView>('incidents', 'incidents.dispute.get'),
  addDisputeParty: defineRequest<AddDisputePartyRequest, DisputeView>('incidents', 'incidents.dispute.add_party'),
  addMediationSession: defineRequest<AddMediationSessionRequest, DisputeView>('incidents', 'incidents.dispute.add_session'),
  setDisputeAgreement: defineRequest<SetDisputeAgreementRequest, DisputeView>('incidents', 'incidents.dispute.set_agreement'),
  logVisit: defineRequest<LogVisitRequest, VisitView>('incidents', 'incidents.visit.log'),
  listVisits: defineRequest<ListVisitsQuery, Page<VisitView>>('incidents', 'incidents.visit.list'),
  openVisitIncident: defineRequest<OpenVisitIncidentRequest, ReportResult>('incidents', 'incidents.visit.open_incident'),
  liftToJointDiscussion: defineRequest<LiftToJointDiscussionRequest, JointDiscussionView>('incidents', 'incidents.joint_discussion.record'),
  jointDiscussions: defineRequest<IncidentIdRequest, JointDiscussionView[]>('incidents', 'incidents.joint_discussion.list'),
  beginPhotoUpload: defineRequest<BeginPhotoUploadRequest, BeginPhotoUploadResult>('incidents', 'incidents.photo.begin'),
  photoChunk: defineRequest<PhotoChunkRequest, PhotoChunkAck>('incidents', 'incidents.photo.chunk'),
  commitPhoto: defineRequest<CommitPhotoRequest, PhotoView>('incidents', 'incidents.photo.commit'),
  getPhoto: defineRequest<IncidentPhotoRequest, PhotoContent>('incidents', 'incidents.photo.get'),
  readPhotoChunk: defineRequest<ReadPhotoChunkRequest, PhotoChunk>('incidents', 'incidents.photo.read'),
} as const;

const incidentEvent = (event: string) => defineEvent<IncidentEventData>('incidents', 'incident', event);

/** Every event of the case process: one per transition, plus the scheduler's overdue/supervised/escalated. */
export const INCIDENTS_EVENTS = {
  reported: incidentEvent('reported'),
  accepted: incidentEvent('accepted'),
  rejected: incidentEvent('rejected'),
  dispatched: incidentEvent('dispatched'),
  returned: incidentEvent('returned'),
  signed: incidentEvent('signed'),
  handled: incidentEvent('handled'),
  verified: incidentEvent('verified'),
  reworked: incidentEvent('reworked'),
  closed: incidentEvent('closed'),
  evaluated: incidentEvent('evaluated'),
  extended: incidentEvent('extended'),
  cancelled: incidentEvent('cancelled'),
  merged: incidentEvent('merged'),
  overdue: incidentEvent('overdue'),
  supervised: incidentEvent('supervised'),
  escalated: incidentEvent('escalated'),
  /** A household was visited (ids, grid and day only): the registry counts visited households per grid. */
  visitLogged: defineEvent<VisitLoggedEventData>('incidents', 'visit', 'logged'),
  /** An appeal's hand-off to a grid was refused: no case opened (subject: the appeal id). */
  handoffFailed: defineEvent<AppealHandoffFailedEventData>('incidents', 'handoff', 'failed'),
} as const;

/** Error codes of the incidents service. */
export const IncidentErrorCode = {
  NotFound: 'INCIDENT_NOT_FOUND',
  NotAllowedInState: 'INCIDENT_ACTION_NOT_ALLOWED',
  StaleVersion: 'INCIDENT_CHANGED',
  IdempotencyMismatch: 'IDEMPOTENCY_KEY_REUSED',
  CategoryUnknown: 'INCIDENT_CATEGORY_UNKNOWN',
  Invalid: 'INCIDENT_INVALID',
  OutOfScope: 'INCIDENT_OUT_OF_SCOPE',
  /** A photo that does not exist, is not complete, or belongs to a case the caller may not see. */
  PhotoNotFound: 'PHOTO_NOT_FOUND',
  /** An upload whose bytes do not match what was announced (count of chunks, size, SHA-256, type). */
  PhotoIncomplete: 'PHOTO_UPLOAD_INCOMPLETE',
  /** More photos of a stage than a case keeps. */
  PhotoLimit: 'PHOTO_LIMIT_REACHED',
} as const;
export type IncidentErrorCode = (typeof IncidentErrorCode)[keyof typeof IncidentErrorCode];
