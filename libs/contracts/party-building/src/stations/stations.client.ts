import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { STATION_REQUESTS } from './station.requests';
import type {
  CreateStationRequest,
  ListStationServicesQuery,
  ListStationsQuery,
  NearestStationsQuery,
  OpenStationCaseBody,
  RecordStationServiceBody,
  StationServiceCountsQuery,
  UpdateStationBody,
} from './station.dto';
import type { PublicStationView, StationServiceCountsView, StationServiceView, StationCaseView, StationView } from './station.types';

/** Grid red stations, their service records and their hand-offs to incidents, typed. */
@Injectable()
export class StationsClient {
  constructor(private readonly bus: BusRequester) {}

  create(caller: Caller, station: CreateStationRequest): Promise<StationView> {
    return this.bus.request(STATION_REQUESTS.createStation, station, { caller });
  }

  update(caller: Caller, id: string, changes: UpdateStationBody): Promise<StationView> {
    return this.bus.request(STATION_REQUESTS.updateStation, { id, changes }, { caller });
  }

  get(caller: Caller, id: string): Promise<StationView> {
    return this.bus.request(STATION_REQUESTS.getStation, { id }, { caller });
  }

  list(caller: Caller, query: ListStationsQuery): Promise<OffsetPage<StationView>> {
    return this.bus.request(STATION_REQUESTS.listStations, query, { caller });
  }

  /** `caller` is PUBLIC_CALLER (the service answers no one else here). */
  nearest(caller: Caller, query: NearestStationsQuery): Promise<PublicStationView[]> {
    return this.bus.request(STATION_REQUESTS.nearestStations, query, { caller });
  }

  recordService(caller: Caller, stationId: string, record: RecordStationServiceBody): Promise<StationServiceView> {
    return this.bus.request(STATION_REQUESTS.recordStationService, { ...record, stationId }, { caller });
  }

  listServices(caller: Caller, query: ListStationServicesQuery): Promise<OffsetPage<StationServiceView>> {
    return this.bus.request(STATION_REQUESTS.listStationServices, query, { caller });
  }

  countServices(caller: Caller, query: StationServiceCountsQuery): Promise<StationServiceCountsView> {
    return this.bus.request(STATION_REQUESTS.countStationServices, query, { caller });
  }

  openCase(caller: Caller, recordId: string, body: OpenStationCaseBody): Promise<StationCaseView> {
    return this.bus.request(STATION_REQUESTS.openStationCase, { ...body, recordId }, { caller });
  }
}
