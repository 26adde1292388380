import { Module } from '@nestjs/common';
import { GridResolver } from './grid-resolver';
import { UnitsModule } from '../unit/units.module';
import { ImportRepository } from './imports/import.repository';
import { QualityRepository } from './quality.repository';
import { RegisterRepository } from './register.repository';
import { RegistersBusController } from './registers.bus-controller';
import { CreateBuildingUseCase } from './use-cases/create-building/create-building.use-case';
import { CreateBusinessUseCase } from './use-cases/create-business/create-business.use-case';
import { CreateHouseholdUseCase } from './use-cases/create-household/create-household.use-case';
import { DeleteRecordUseCase } from './use-cases/delete-record/delete-record.use-case';
import { FinishImportUseCase } from './use-cases/finish-import/finish-import.use-case';
import { GetBuildingUseCase } from './use-cases/get-building/get-building.use-case';
import { GetBusinessUseCase } from './use-cases/get-business/get-business.use-case';
import { GetHouseholdUseCase } from './use-cases/get-household/get-household.use-case';
import { GetImportUseCase } from './use-cases/get-import/get-import.use-case';
import { GetQualityUseCase } from './use-cases/get-quality/get-quality.use-case';
import { GetResidentUseCase } from './use-cases/get-resident/get-resident.use-case';
import { ImportBatchUseCase } from './use-cases/import-batch/import-batch.use-case';
import { ListAuditUseCase } from './use-cases/list-audit/list-audit.use-case';
import { ListBuildingsUseCase } from './use-cases/list-buildings/list-buildings.use-case';
import { ListBusinessesUseCase } from './use-cases/list-businesses/list-businesses.use-case';
import { ListHouseholdsUseCase } from './use-cases/list-households/list-households.use-case';
import { RegisterResidentUseCase } from './use-cases/register-resident/register-resident.use-case';
import { RecordHouseholdVisitUseCase } from './use-cases/record-household-visit/record-household-visit.use-case';
import { RevealResidentUseCase } from './use-cases/reveal-resident/reveal-resident.use-case';
import { SearchResidentsUseCase } from './use-cases/search-residents/search-residents.use-case';
import { StartImportUseCase } from './use-cases/start-import/start-import.use-case';
import { UpdateBuildingUseCase } from './use-cases/update-building/update-building.use-case';
import { UpdateBusinessUseCase } from './use-cases/update-business/update-business.use-case';
import { UpdateHouseholdUseCase } from './use-cases/update-household/update-household.use-case';
import { UpdateResidentUseCase } from './use-cases/update-resident/update-resident.use-case';
import { HouseholdVisitsSubscriber } from './visits/household-visits.subscriber';

@Module({
  imports: [UnitsModule],
  controllers: [RegistersBusController],
  providers: [
    RegisterRepository,
    GridResolver,
    QualityRepository,
    ImportRepository,
    CreateBuildingUseCase,
    UpdateBuildingUseCase,
    CreateHouseholdUseCase,
    UpdateHouseholdUseCase,
    RegisterResidentUseCase,
    UpdateResidentUseCase,
    GetResidentUseCase,
    SearchResidentsUseCase,
    RevealResidentUseCase,
    CreateBusinessUseCase,
    UpdateBusinessUseCase,
    GetBuildingUseCase,
    ListBuildingsUseCase,
    GetHouseholdUseCase,
    ListHouseholdsUseCase,
    GetBusinessUseCase,
    ListBusinessesUseCase,
    ListAuditUseCase,
    GetQualityUseCase,
    StartImportUseCase,
    ImportBatchUseCase,
    FinishImportUseCase,
    GetImportUseCase,
    DeleteRecordUseCase,
    RecordHouseholdVisitUseCase,
    HouseholdVisitsSubscriber,
  ],
  exports: [RegisterRepository, GridResolver, QualityRepository],
})
export class RegistersModule {}
