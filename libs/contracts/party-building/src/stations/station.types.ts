/**
 * The six functions of a grid red station (网格红色驿站): policy publicity (政策宣传), the social-conditions outpost
 * (社情民意收集/前哨), consultation and negotiation (协商议事), service to residents (便民服务), party and mass
 * activities (党群活动), dispute mediation (矛盾调解).
 */
export const STATION_FUNCTIONS = ['policy_publicity', 'social_conditions', 'consultation', 'resident_service', 'activities', 'mediation'] as const;
export type StationFunction = (typeof STATION_FUNCTIONS)[number];

/** Days of the week, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The most stations the nearest lookup answers. */
export const NEAREST_STATIONS_MAX = 10;

/** One opening period: on `day`, from `opens` to `closes` (HH:mm, China time; `closes` after `opens`). */
export interface OpeningPeriod {
  day: Weekday;
  opens: string;
  closes: string;
}

/** A point, WGS 84. */
export interface StationLocation {
  lat: number;
  lng: number;
}

/**
 * The station's public contact: the name of the post (站长, 值班党员…) and the post's work phone. Both are
 * **published** — the public nearest lookup shows them to anyone — and stored in clear, like the registry's
 * assignment `workPhone`: never a personal number.
 */
export interface StationContact {
  post: string;
  workPhone: string | null;
}

/** A grid red station. */
export interface StationView {
  id: string;
  name: string;
  location: StationLocation;
  address: string | null;
  /** The grid the location lies in (resolved through the registry's map). */
  gridCode: string;
  gridName: string | null;
  /** The party organisation that runs it (on the grid's path). */
  organisationId: string;
  /** Opening periods, by day then time. */
  openingHours: OpeningPeriod[];
  contact: StationContact | null;
  functions: StationFunction[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A station as residents see it (the public nearest lookup): public fields only. */
export interface PublicStationView {
  name: string;
  address: string | null;
  location: StationLocation;
  openingHours: OpeningPeriod[];
  functions: StationFunction[];
  contact: StationContact | null;
  /** Great-circle distance from the point asked, in metres. */
  distanceMeters: number;
}

/** One service a station gave (a record per function and day). */
export interface StationServiceView {
  id: string;
  stationId: string;
  gridCode: string;
  /** YYYY-MM-DD */
  date: string;
  function: StationFunction;
  summary: string;
  peopleServed: number;
  /** Party members who served (ids of the members' register). */
  memberIds: string[];
  /**
   * The incident it is linked to: for a mediation, the dispute in incidents; for a social-conditions report, the grid
   * case it became (null until handed off).
   */
  incidentId: string | null;
  recordedBy: string;
  createdAt: string;
}

/** Records and people served per function, over the records a count query selects. */
export interface StationServiceCountsView {
  byFunction: Record<StationFunction, { records: number; peopleServed: number }>;
  records: number;
  peopleServed: number;
}

/** The answer of a station → case hand-off. `replayed`: the case was opened before. */
export interface StationCaseView {
  recordId: string;
  incidentId: string;
  workOrder: string;
  replayed: boolean;
}
