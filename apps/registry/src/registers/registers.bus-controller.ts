import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  AuditQuery,
  CreateBuildingRequest,
  CreateBusinessRequest,
  CreateHouseholdRequest,
  CreateResidentRequest,
  DeleteRecordRequest,
  ImportBatchRequest,
  ImportJobRequest,
  REGISTRY_REQUESTS,
  RecordIdRequest,
  RegisterListQuery,
  ResidentSearchQuery,
  RevealResidentRequest,
  StartImportRequest,
  UnitQualityRequest,
  UpdateBuildingRequest,
  UpdateBusinessRequest,
  UpdateHouseholdRequest,
  UpdateResidentRequest,
  type ImportReport,
} from '@gridline/contracts-registry';
import { CreateBuildingCommand } from './use-cases/create-building/create-building.command';
import { CreateBuildingUseCase } from './use-cases/create-building/create-building.use-case';
import { CreateBusinessCommand } from './use-cases/create-business/create-business.command';
import { CreateBusinessUseCase } from './use-cases/create-business/create-business.use-case';
import { CreateHouseholdCommand } from './use-cases/create-household/create-household.command';
import { CreateHouseholdUseCase } from './use-cases/create-household/create-household.use-case';
import { DeleteRecordCommand } from './use-cases/delete-record/delete-record.command';
import { DeleteRecordUseCase } from './use-cases/delete-record/delete-record.use-case';
import { FinishImportCommand } from './use-cases/finish-import/finish-import.command';
import { FinishImportUseCase } from './use-cases/finish-import/finish-import.use-case';
import { GetBuildingQuery } from './use-cases/get-building/get-building.query';
import { GetBuildingUseCase } from './use-cases/get-building/get-building.use-case';
import { GetBusinessQuery } from './use-cases/get-business/get-business.query';
import { GetBusinessUseCase } from './use-cases/get-business/get-business.use-case';
import { GetHouseholdQuery } from './use-cases/get-household/get-household.query';
import { GetHouseholdUseCase } from './use-cases/get-household/get-household.use-case';
import { GetImportQuery } from './use-cases/get-import/get-import.query';
import { GetImportUseCase } from './use-cases/get-import/get-import.use-case';
import { GetQualityQuery } from './use-cases/get-quality/get-quality.query';
import { GetQualityUseCase } from './use-cases/get-quality/get-quality.use-case';
import { GetResidentQuery } from './use-cases/get-resident/get-resident.query';
import { GetResidentUseCase } from './use-cases/get-resident/get-resident.use-case';
import { ImportBatchCommand } from './use-cases/import-batch/import-batch.command';
import { ImportBatchUseCase } from './use-cases/import-batch/import-batch.use-case';
import { ListAuditQuery } from './use-cases/list-audit/list-audit.query';
import { ListAuditUseCase } from './use-cases/list-audit/list-audit.use-case';
import { ListBuildingsQuery } from './use-cases/list-buildings/list-buildings.query';
import { ListBuildingsUseCase } from './use-cases/list-buildings/list-buildings.use-case';
import { ListBusinessesQuery } from './use-cases/list-businesses/list-businesses.query';
import { ListBusinessesUseCase } from './use-cases/list-businesses/list-businesses.use-case';
import { ListHouseholdsQuery } from './use-cases/list-households/list-households.query';
import { ListHouseholdsUseCase } from './use-cases/list-households/list-households.use-case';
import { RegisterResidentCommand } from './use-cases/register-resident/register-resident.command';
import { RegisterResidentUseCase } from './use-cases/register-resident/register-resident.use-case';
import { RevealResidentCommand } from './use-cases/reveal-resident/reveal-resident.command';
import { RevealResidentUseCase } from './use-cases/reveal-resident/reveal-resident.use-case';
import { SearchResidentsQuery } from './use-cases/search-residents/search-residents.query';
import { SearchResidentsUseCase } from './use-cases/search-residents/search-residents.use-case';
import { StartImportCommand } from './use-cases/start-import/start-import.command';
import { StartImportUseCase } from './use-cases/start-import/start-import.use-case';
import { UpdateBuildingCommand } from './use-cases/update-building/update-building.command';
import { UpdateBuildingUseCase } from './use-cases/update-building/update-building.use-case';
import { UpdateBusinessCommand } from './use-cases/update-business/update-business.command';
import { UpdateBusinessUseCase } from './use-cases/update-business/update-business.use-case';
import { UpdateHouseholdCommand } from './use-cases/update-household/update-household.command';
import { UpdateHouseholdUseCase } from './use-cases/update-household/update-household.use-case';
import { UpdateResidentCommand } from './use-cases/update-resident/update-resident.command';
import { UpdateResidentUseCase } from './use-cases/update-resident/update-resident.use-case';

/** The basic-information registers on the bus. */
@Controller()
export class RegistersBusController {
  constructor(
    private readonly createBuildingUseCase: CreateBuildingUseCase,
    private readonly updateBuildingUseCase: UpdateBuildingUseCase,
    private readonly createHouseholdUseCase: CreateHouseholdUseCase,
    private readonly updateHouseholdUseCase: UpdateHouseholdUseCase,
    private readonly registerResidentUseCase: RegisterResidentUseCase,
    private readonly updateResidentUseCase: UpdateResidentUseCase,
    private readonly getResidentUseCase: GetResidentUseCase,
    private readonly searchResidentsUseCase: SearchResidentsUseCase,
    private readonly revealResidentUseCase: RevealResidentUseCase,
    private readonly createBusinessUseCase: CreateBusinessUseCase,
    private readonly updateBusinessUseCase: UpdateBusinessUseCase,
    private readonly getBuildingUseCase: GetBuildingUseCase,
    private readonly listBuildingsUseCase: ListBuildingsUseCase,
    private readonly getHouseholdUseCase: GetHouseholdUseCase,
    private readonly listHouseholdsUseCase: ListHouseholdsUseCase,
    private readonly getBusinessUseCase: GetBusinessUseCase,
    private readonly listBusinessesUseCase: ListBusinessesUseCase,
    private readonly listAuditUseCase: ListAuditUseCase,
    private readonly getQuality: GetQualityUseCase,
    private readonly startImportUseCase: StartImportUseCase,
    private readonly importBatchUseCase: ImportBatchUseCase,
    private readonly finishImportUseCase: FinishImportUseCase,
    private readonly getImportUseCase: GetImportUseCase,
    private readonly deleteRecord: DeleteRecordUseCase,
  ) {}

  @MessagePattern(REGISTRY_REQUESTS.createBuilding.pattern)
  @Idempotent()
  createBuilding(@Payload() request: CreateBuildingRequest, @BusCaller() caller: Caller) {
    return this.createBuildingUseCase.execute(new CreateBuildingCommand(caller, request));
  }

  @MessagePattern(REGISTRY_REQUESTS.updateBuilding.pattern)
  updateBuilding(@Payload() { id, ...changes }: UpdateBuildingRequest, @BusCaller() caller: Caller) {
    return this.updateBuildingUseCase.execute(new UpdateBuildingCommand(caller, id, changes));
  }

  @MessagePattern(REGISTRY_REQUESTS.getBuilding.pattern)
  building(@Payload() { id }: RecordIdRequest, @BusCaller() caller: Caller) {
    return this.getBuildingUseCase.execute(new GetBuildingQuery(caller, id));
  }

  @MessagePattern(REGISTRY_REQUESTS.listBuildings.pattern)
  buildings(@Payload() query: RegisterListQuery, @BusCaller() caller: Caller) {
    return this.listBuildingsUseCase.execute(new ListBuildingsQuery(caller, query));
  }

  @MessagePattern(REGISTRY_REQUESTS.createHousehold.pattern)
  @Idempotent()
  createHousehold(@Payload() request: CreateHouseholdRequest, @BusCaller() caller: Caller) {
    return this.createHouseholdUseCase.execute(new CreateHouseholdCommand(caller, request));
  }

  @MessagePattern(REGISTRY_REQUESTS.updateHousehold.pattern)
  updateHousehold(@Payload() { id, ...changes }: UpdateHouseholdRequest, @BusCaller() caller: Caller) {
    return this.updateHouseholdUseCase.execute(new UpdateHouseholdCommand(caller, id, changes));
  }

  @MessagePattern(REGISTRY_REQUESTS.getHousehold.pattern)
  household(@Payload() { id }: RecordIdRequest, @BusCaller() caller: Caller) {
    return this.getHouseholdUseCase.execute(new GetHouseholdQuery(caller, id));
  }

  @MessagePattern(REGISTRY_REQUESTS.listHouseholds.pattern)
  households(@Payload() query: RegisterListQuery, @BusCaller() caller: Caller) {
    return this.listHouseholdsUseCase.execute(new ListHouseholdsQuery(caller, query));
  }

  @MessagePattern(REGISTRY_REQUESTS.createResident.pattern)
  @Idempotent()
  createResident(@Payload() request: CreateResidentRequest, @BusCaller() caller: Caller) {
    return this.registerResidentUseCase.execute(new RegisterResidentCommand(caller, request));
  }

  @MessagePattern(REGISTRY_REQUESTS.updateResident.pattern)
  updateResident(@Payload() request: UpdateResidentRequest, @BusCaller() caller: Caller) {
    return this.updateResidentUseCase.execute(new UpdateResidentCommand(caller, request.id, request.changes));
  }

  @MessagePattern(REGISTRY_REQUESTS.getResident.pattern)
  resident(@Payload() { id }: RecordIdRequest, @BusCaller() caller: Caller) {
    return this.getResidentUseCase.execute(new GetResidentQuery(caller, id));
  }

  @MessagePattern(REGISTRY_REQUESTS.searchResidents.pattern)
  residents(@Payload() query: ResidentSearchQuery, @BusCaller() caller: Caller) {
    return this.searchResidentsUseCase.execute(new SearchResidentsQuery(caller, query));
  }

  @MessagePattern(REGISTRY_REQUESTS.revealResident.pattern)
  reveal(@Payload() request: RevealResidentRequest, @BusCaller() caller: Caller) {
    return this.revealResidentUseCase.execute(new RevealResidentCommand(caller, request.id, request.fields, request.reason));
  }

  @MessagePattern(REGISTRY_REQUESTS.createBusiness.pattern)
  @Idempotent()
  createBusiness(@Payload() request: CreateBusinessRequest, @BusCaller() caller: Caller) {
    return this.createBusinessUseCase.execute(new CreateBusinessCommand(caller, request));
  }

  @MessagePattern(REGISTRY_REQUESTS.updateBusiness.pattern)
  updateBusiness(@Payload() { id, ...changes }: UpdateBusinessRequest, @BusCaller() caller: Caller) {
    return this.updateBusinessUseCase.execute(new UpdateBusinessCommand(caller, id, changes));
  }

  @MessagePattern(REGISTRY_REQUESTS.getBusiness.pattern)
  business(@Payload() { id }: RecordIdRequest, @BusCaller() caller: Caller) {
    return this.getBusinessUseCase.execute(new GetBusinessQuery(caller, id));
  }

  @MessagePattern(REGISTRY_REQUESTS.listBusinesses.pattern)
  businesses(@Payload() query: RegisterListQuery, @BusCaller() caller: Caller) {
    return this.listBusinessesUseCase.execute(new ListBusinessesQuery(caller, query));
  }

  @MessagePattern(REGISTRY_REQUESTS.deleteRecord.pattern)
  delete(@Payload() { kind, id }: DeleteRecordRequest, @BusCaller() caller: Caller) {
    return this.deleteRecord.execute(new DeleteRecordCommand(caller, kind, id));
  }

  @MessagePattern(REGISTRY_REQUESTS.listAudit.pattern)
  audit(@Payload() query: AuditQuery, @BusCaller() caller: Caller) {
    return this.listAuditUseCase.execute(new ListAuditQuery(caller, query));
  }

  @MessagePattern(REGISTRY_REQUESTS.startImport.pattern)
  @Idempotent({ replay: (report: ImportReport) => ({ ...report, replayed: true }) })
  startImport(@Payload() { kind, jobId }: StartImportRequest, @BusCaller() caller: Caller) {
    return this.startImportUseCase.execute(new StartImportCommand(caller, kind, jobId));
  }

  @MessagePattern(REGISTRY_REQUESTS.importBatch.pattern)
  importBatch(@Payload() { jobId, firstRow, rows }: ImportBatchRequest, @BusCaller() caller: Caller) {
    return this.importBatchUseCase.execute(new ImportBatchCommand(caller, jobId, firstRow, rows));
  }

  @MessagePattern(REGISTRY_REQUESTS.finishImport.pattern)
  finishImport(@Payload() { jobId }: ImportJobRequest, @BusCaller() caller: Caller) {
    return this.finishImportUseCase.execute(new FinishImportCommand(caller, jobId));
  }

  @MessagePattern(REGISTRY_REQUESTS.getImport.pattern)
  getImport(@Payload() { jobId }: ImportJobRequest, @BusCaller() caller: Caller) {
    return this.getImportUseCase.execute(new GetImportQuery(caller, jobId));
  }

  @MessagePattern(REGISTRY_REQUESTS.unitQuality.pattern)
  quality(@Payload() { code }: UnitQualityRequest, @BusCaller() caller: Caller) {
    return this.getQuality.execute(new GetQualityQuery(caller, code));
  }
}
