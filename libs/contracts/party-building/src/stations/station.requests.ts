import { defineRequest } from '@gridline/messaging/contracts';
import type { OffsetPage } from '@gridline/platform';
import type {
  CreateStationRequest,
  ListStationServicesQuery,
  ListStationsQuery,
  NearestStationsQuery,
  OpenStationCaseRequest,
  RecordStationServiceRequest,
  StationServiceCountsQuery,
  StationIdRequest,
  UpdateStationRequest,
} from './station.dto';
import type { PublicStationView, StationServiceCountsView, StationServiceView, StationCaseView, StationView } from './station.types';

/** Red stations' commands and queries (spread into PARTY_BUILDING_REQUESTS). */
export const STATION_REQUESTS = {
  createStation: defineRequest<CreateStationRequest, StationView>('party-building', 'party-building.station.create'),
  updateStation: defineRequest<UpdateStationRequest, StationView>('party-building', 'party-building.station.update'),
  getStation: defineRequest<StationIdRequest, StationView>('party-building', 'party-building.station.get'),
  listStations: defineRequest<ListStationsQuery, OffsetPage<StationView>>('party-building', 'party-building.station.list'),
  /** The public nearest lookup: answers the public caller only (PUBLIC_CALLER, signed by the gateway). */
  nearestStations: defineRequest<NearestStationsQuery, PublicStationView[]>('party-building', 'party-building.station.nearest'),
  recordStationService: defineRequest<RecordStationServiceRequest, StationServiceView>('party-building', 'party-building.station.record_service'),
  listStationServices: defineRequest<ListStationServicesQuery, OffsetPage<StationServiceView>>('party-building', 'party-building.station.list_services'),
  countStationServices: defineRequest<StationServiceCountsQuery, StationServiceCountsView>('party-building', 'party-building.station.count_services'),
  openStationCase: defineRequest<OpenStationCaseRequest, StationCaseView>('party-building', 'party-building.station.open_case'),
} as const;
