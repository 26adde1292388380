import type {
  PublicStationView,
  StationServiceView,
  StationCaseOpenedEventData,
  StationEventData,
  StationServiceRecordedEventData,
  StationView,
} from '@gridline/contracts-party-building';
import type { StationServiceEntity, StationEntity } from './station.entities';

const contactOf = (s: StationEntity) => (s.contactPost ? { post: s.contactPost, workPhone: s.contactWorkPhone } : null);

export function toStationView(s: StationEntity, gridName: string | null): StationView {
  return {
    id: s.id,
    name: s.name,
    location: { lat: s.lat, lng: s.lng },
    address: s.address,
    gridCode: s.gridCode,
    gridName,
    organisationId: s.organisationId,
    openingHours: s.openingHours,
    contact: contactOf(s),
    functions: [...s.functions],
    active: s.active,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** The public fields only: what residents may see of a station. */
export function toPublicStationView(s: StationEntity, distanceMeters: number): PublicStationView {
  return {
    name: s.name,
    address: s.address,
    location: { lat: s.lat, lng: s.lng },
    openingHours: s.openingHours,
    functions: [...s.functions],
    contact: contactOf(s),
    distanceMeters: Math.round(distanceMeters),
  };
}

export function toStationServiceView(r: StationServiceEntity): StationServiceView {
  return {
    id: r.id,
    stationId: r.stationId,
    gridCode: r.gridCode,
    date: r.date,
    function: r.function,
    summary: r.summary,
    peopleServed: r.peopleServed,
    memberIds: [...r.memberIds],
    incidentId: r.incidentId,
    recordedBy: r.recordedBy,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toStationEventData(s: StationEntity, changed: string[]): StationEventData {
  return { stationId: s.id, organisationId: s.organisationId, gridCode: s.gridCode, unitPath: [...s.path], functions: [...s.functions], active: s.active, changed };
}

export function toServiceRecordedEventData(r: StationServiceEntity): StationServiceRecordedEventData {
  return { recordId: r.id, stationId: r.stationId, gridCode: r.gridCode, unitPath: [...r.path], function: r.function, date: r.date, peopleServed: r.peopleServed, memberCount: r.memberIds.length, incidentId: r.incidentId };
}

export function toCaseOpenedEventData(r: StationServiceEntity, workOrder: string): StationCaseOpenedEventData {
  return { recordId: r.id, stationId: r.stationId, gridCode: r.gridCode, unitPath: [...r.path], incidentId: r.incidentId!, workOrder };
}
