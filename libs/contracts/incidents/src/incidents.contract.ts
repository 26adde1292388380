import { defineEvent, defineRequest } from '@gridline/messaging';
import type { IncidentActionRequest, IncidentCountsQuery, IncidentIdRequest, ListIncidentsQuery, ReportIncidentCommandRequest } from './incident/incident.dto';
import type { IncidentEventData } from './incident/incident.events';
import type { IncidentCounts, IncidentPage, IncidentView, ReportResult, TimelineEntry } from './incident/incident.types';

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
} as const;
export type IncidentErrorCode = (typeof IncidentErrorCode)[keyof typeof IncidentErrorCode];
