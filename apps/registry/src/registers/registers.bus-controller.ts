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
import { CreateBuildingUseCase } from './use-cases/create-building/create-building.use-case';
import { CreateBusinessUseCase } from './use-cases/create-business/create-business.use-case';
import { CreateHouseholdUseCase } from './use-cases/create-household/create-household.use-case';
import { ImportRegistersUseCase } from './use-cases/import-registers/import-registers.use-case';
import { DeleteRecordUseCase } from './use-cases/delete-record/delete-record.use-case';
import { GetQualityUseCase } from './use-cases/get-quality/get-quality.use-case';
import { ListAuditUseCase } from './use-cases/list-audit/list-audit.use-case';
import { ReadRegistersUseCase } from './use-cases/read-registers/read-registers.use-case';
import { ReadResidentsUseCase } from './use-cases/read-residents/read-residents.use-case';
import { RegisterResidentCommand } from './use-cases/register-resident/register-resident.command';
import { RegisterResidentUseCase } from './use-cases/register-resident/register-resident.use-case';
import { RevealResidentCommand } from './use-cases/reveal-resident/reveal-resident.command';
import { RevealResidentUseCase } from './use-cases/reveal-resident/reveal-resident.use-case';
import { UpdateBuildingUseCase } from './use-cases/update-building/update-building.use-case';
import { UpdateBusinessUseCase } from './use-cases/update-business/update-business.use-case';
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
    private readonly readResidents: ReadResidentsUseCase,
    private readonly revealResidentUseCase: RevealResidentUseCase,
    private readonly createBusinessUseCase: CreateBusinessUseCase,
    private readonly updateBusinessUseCase: UpdateBusinessUseCase,
    private readonly read: ReadRegistersUseCase,
    private readonly listAuditUseCase: ListAuditUseCase,
    private readonly getQuality: GetQualityUseCase,
    private readonly imports: ImportRegistersUseCase,
    private readonly deleteRecord: DeleteRecordUseCase,
  ) {}

  @MessagePattern(REGISTRY_REQUESTS.createBuilding.pattern)
  @Idempotent()
  createBuilding(@Payload() request: CreateBuildingRequest, @BusCaller() caller: Caller) {
    return this.createBuildingUseCase.execute(caller, request);
  }

  @MessagePattern(REGISTRY_REQUESTS.updateBuilding.pattern)
  updateBuilding(@Payload() { id, ...changes }: UpdateBuildingRequest, @BusCaller() caller: Caller) {
    return this.updateBuildingUseCase.execute(caller, id, changes);
  }

  @MessagePattern(REGISTRY_REQUESTS.getBuilding.pattern)
  building(@Payload() { id }: RecordIdRequest, @BusCaller() caller: Caller) {
    return this.read.building(caller, id);
  }

  @MessagePattern(REGISTRY_REQUESTS.listBuildings.pattern)
  buildings(@Payload() query: RegisterListQuery, @BusCaller() caller: Caller) {
    return this.read.buildings(caller, query);
  }

  @MessagePattern(REGISTRY_REQUESTS.createHousehold.pattern)
  @Idempotent()
  createHousehold(@Payload() request: CreateHouseholdRequest, @BusCaller() caller: Caller) {
    return this.createHouseholdUseCase.execute(caller, request);
  }

  @MessagePattern(REGISTRY_REQUESTS.updateHousehold.pattern)
  updateHousehold(@Payload() { id, ...changes }: UpdateHouseholdRequest, @BusCaller() caller: Caller) {
    return this.updateHouseholdUseCase.execute(caller, id, changes);
  }

  @MessagePattern(REGISTRY_REQUESTS.getHousehold.pattern)
  household(@Payload() { id }: RecordIdRequest, @BusCaller() caller: Caller) {
    return this.read.household(caller, id);
  }

  @MessagePattern(REGISTRY_REQUESTS.listHouseholds.pattern)
  households(@Payload() query: RegisterListQuery, @BusCaller() caller: Caller) {
    return this.read.households(caller, query);
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
    return this.readResidents.get(caller, id);
  }

  @MessagePattern(REGISTRY_REQUESTS.searchResidents.pattern)
  residents(@Payload() query: ResidentSearchQuery, @BusCaller() caller: Caller) {
    return this.readResidents.search(caller, query);
  }

  @MessagePattern(REGISTRY_REQUESTS.revealResident.pattern)
  reveal(@Payload() request: RevealResidentRequest, @BusCaller() caller: Caller) {
    return this.revealResidentUseCase.execute(new RevealResidentCommand(caller, request.id, request.fields, request.reason));
  }

  @MessagePattern(REGISTRY_REQUESTS.createBusiness.pattern)
  @Idempotent()
  createBusiness(@Payload() request: CreateBusinessRequest, @BusCaller() caller: Caller) {
    return this.createBusinessUseCase.execute(caller, request);
  }

  @MessagePattern(REGISTRY_REQUESTS.updateBusiness.pattern)
  updateBusiness(@Payload() { id, ...changes }: UpdateBusinessRequest, @BusCaller() caller: Caller) {
    return this.updateBusinessUseCase.execute(caller, id, changes);
  }

  @MessagePattern(REGISTRY_REQUESTS.getBusiness.pattern)
  business(@Payload() { id }: RecordIdRequest, @BusCaller() caller: Caller) {
    return this.read.business(caller, id);
  }

  @MessagePattern(REGISTRY_REQUESTS.listBusinesses.pattern)
  businesses(@Payload() query: RegisterListQuery, @BusCaller() caller: Caller) {
    return this.read.businesses(caller, query);
  }

  @MessagePattern(REGISTRY_REQUESTS.deleteRecord.pattern)
  delete(@Payload() { kind, id }: DeleteRecordRequest, @BusCaller() caller: Caller) {
    return this.deleteRecord.execute(caller, kind, id);
  }

  @MessagePattern(REGISTRY_REQUESTS.listAudit.pattern)
  audit(@Payload() query: AuditQuery, @BusCaller() caller: Caller) {
    return this.listAuditUseCase.execute(caller, query);
  }

  @MessagePattern(REGISTRY_REQUESTS.startImport.pattern)
  @Idempotent({ replay: (report: ImportReport) => ({ ...report, replayed: true }) })
  startImport(@Payload() { kind, jobId }: StartImportRequest, @BusCaller() caller: Caller) {
    return this.imports.start(caller, kind, jobId);
  }

  @MessagePattern(REGISTRY_REQUESTS.importBatch.pattern)
  importBatch(@Payload() { jobId, firstRow, rows }: ImportBatchRequest, @BusCaller() caller: Caller) {
    return this.imports.batch(caller, jobId, firstRow, rows);
  }

  @MessagePattern(REGISTRY_REQUESTS.finishImport.pattern)
  finishImport(@Payload() { jobId }: ImportJobRequest, @BusCaller() caller: Caller) {
    return this.imports.finish(caller, jobId);
  }

  @MessagePattern(REGISTRY_REQUESTS.getImport.pattern)
  getImport(@Payload() { jobId }: ImportJobRequest, @BusCaller() caller: Caller) {
    return this.imports.get(caller, jobId);
  }

  @MessagePattern(REGISTRY_REQUESTS.unitQuality.pattern)
  quality(@Payload() { code }: UnitQualityRequest, @BusCaller() caller: Caller) {
    return this.getQuality.execute(caller, code);
  }
}
