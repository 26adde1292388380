import type { StationFunction } from './station.types';

/** `events.party-building.station.<created|updated>`: the station as it now is (no contact, no people). */
export interface StationEventData {
  stationId: string;
  organisationId: string;
  gridCode: string;
  /** The grid's path, street first. */
  unitPath: string[];
  functions: StationFunction[];
  active: boolean;
  /** Names of the fields that changed (empty on create). */
  changed: string[];
}

/** `events.party-building.station.service_recorded`: a service given, counted (no summary, no members' ids). */
export interface StationServiceRecordedEventData {
  recordId: string;
  stationId: string;
  gridCode: string;
  unitPath: string[];
  function: StationFunction;
  /** YYYY-MM-DD */
  date: string;
  peopleServed: number;
  /** How many party members served. */
  memberCount: number;
  /** A mediation's dispute in incidents (null otherwise). */
  incidentId: string | null;
}

/** `events.party-building.station.case_opened`: a social-conditions report became a grid case in incidents. */
export interface StationCaseOpenedEventData {
  recordId: string;
  stationId: string;
  gridCode: string;
  unitPath: string[];
  incidentId: string;
  workOrder: string;
}
