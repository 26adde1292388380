import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  CreateStationRequest,
  ListStationServicesQuery,
  ListStationsQuery as ListStationsRequest,
  NearestStationsQuery as NearestStationsRequest,
  OpenStationCaseRequest,
  PARTY_BUILDING_REQUESTS,
  RecordStationServiceRequest,
  StationServiceCountsQuery,
  type StationIdRequest,
  type UpdateStationRequest,
} from '@gridline/contracts-party-building';
import { CountServicesQuery } from './use-cases/count-services/count-services.query';
import { CountServicesUseCase } from './use-cases/count-services/count-services.use-case';
import { CreateStationCommand } from './use-cases/create-station/create-station.command';
import { CreateStationUseCase } from './use-cases/create-station/create-station.use-case';
import { GetStationQuery } from './use-cases/get-station/get-station.query';
import { GetStationUseCase } from './use-cases/get-station/get-station.use-case';
import { ListServicesQuery } from './use-cases/list-services/list-services.query';
import { ListServicesUseCase } from './use-cases/list-services/list-services.use-case';
import { ListStationsQuery } from './use-cases/list-stations/list-stations.query';
import { ListStationsUseCase } from './use-cases/list-stations/list-stations.use-case';
import { NearestStationsQuery } from './use-cases/nearest-stations/nearest-stations.query';
import { NearestStationsUseCase } from './use-cases/nearest-stations/nearest-stations.use-case';
import { OpenStationCaseCommand } from './use-cases/open-station-case/open-station-case.command';
import { OpenStationCaseUseCase } from './use-cases/open-station-case/open-station-case.use-case';
import { RecordServiceCommand } from './use-cases/record-service/record-service.command';
import { RecordServiceUseCase } from './use-cases/record-service/record-service.use-case';
import { UpdateStationCommand } from './use-cases/update-station/update-station.command';
import { UpdateStationUseCase } from './use-cases/update-station/update-station.use-case';

/** Grid red stations on the bus. */
@Controller()
export class StationsBusController {
  constructor(
    private readonly createStation: CreateStationUseCase,
    private readonly updateStation: UpdateStationUseCase,
    private readonly getStation: GetStationUseCase,
    private readonly listStations: ListStationsUseCase,
    private readonly nearestStations: NearestStationsUseCase,
    private readonly recordService: RecordServiceUseCase,
    private readonly listServices: ListServicesUseCase,
    private readonly countServices: CountServicesUseCase,
    private readonly openStationCase: OpenStationCaseUseCase,
  ) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.createStation.pattern)
  @Idempotent()
  create(@Payload() request: CreateStationRequest, @BusCaller() caller: Caller) {
    return this.createStation.execute(new CreateStationCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.updateStation.pattern)
  update(@Payload() { id, changes }: UpdateStationRequest, @BusCaller() caller: Caller) {
    return this.updateStation.execute(new UpdateStationCommand(caller, id, changes));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.getStation.pattern)
  get(@Payload() { id }: StationIdRequest, @BusCaller() caller: Caller) {
    return this.getStation.execute(new GetStationQuery(caller, id));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listStations.pattern)
  list(@Payload() query: ListStationsRequest, @BusCaller() caller: Caller) {
    return this.listStations.execute(new ListStationsQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.nearestStations.pattern)
  nearest(@Payload() query: NearestStationsRequest, @BusCaller() caller: Caller) {
    return this.nearestStations.execute(new NearestStationsQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.recordStationService.pattern)
  @Idempotent()
  record(@Payload() request: RecordStationServiceRequest, @BusCaller() caller: Caller) {
    return this.recordService.execute(new RecordServiceCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listStationServices.pattern)
  services(@Payload() query: ListStationServicesQuery, @BusCaller() caller: Caller) {
    return this.listServices.execute(new ListServicesQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.countStationServices.pattern)
  counts(@Payload() query: StationServiceCountsQuery, @BusCaller() caller: Caller) {
    return this.countServices.execute(new CountServicesQuery(caller, query));
  }

  /** Not @Idempotent: the hand-off is idempotent by the record itself (CaseHandoff), across callers and retries. */
  @MessagePattern(PARTY_BUILDING_REQUESTS.openStationCase.pattern)
  openCase(@Payload() request: OpenStationCaseRequest, @BusCaller() caller: Caller) {
    return this.openStationCase.execute(new OpenStationCaseCommand(caller, request));
  }
}
