import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { LinkedDispute } from './linked-dispute';
import { StationPlacement } from './station-placement';
import { StationRepository } from './station.repository';
import { StationsBusController } from './stations.bus-controller';
import { CountServicesUseCase } from './use-cases/count-services/count-services.use-case';
import { CreateStationUseCase } from './use-cases/create-station/create-station.use-case';
import { GetStationUseCase } from './use-cases/get-station/get-station.use-case';
import { ListServicesUseCase } from './use-cases/list-services/list-services.use-case';
import { ListStationsUseCase } from './use-cases/list-stations/list-stations.use-case';
import { NearestStationsUseCase } from './use-cases/nearest-stations/nearest-stations.use-case';
import { OpenStationCaseUseCase } from './use-cases/open-station-case/open-station-case.use-case';
import { RecordServiceUseCase } from './use-cases/record-service/record-service.use-case';
import { UpdateStationUseCase } from './use-cases/update-station/update-station.use-case';

/** Grid red stations (网格红色驿站): their six functions, service records, hand-offs to incidents, the public nearest lookup. */
@Module({
  imports: [OrganisationsModule, CasesModule],
  controllers: [StationsBusController],
  providers: [
    StationRepository,
    StationPlacement,
    LinkedDispute,
    CreateStationUseCase,
    UpdateStationUseCase,
    GetStationUseCase,
    ListStationsUseCase,
    NearestStationsUseCase,
    RecordServiceUseCase,
    ListServicesUseCase,
    CountServicesUseCase,
    OpenStationCaseUseCase,
  ],
  exports: [StationRepository],
})
export class StationsModule {}
