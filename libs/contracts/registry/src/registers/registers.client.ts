import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { REGISTRY_REQUESTS } from '../registry.requests';
import type {
  AuditQuery,
  CreateBuildingRequest,
  CreateBusinessRequest,
  CreateHouseholdRequest,
  CreateResidentRequest,
  RegisterKind,
  RegisterListQuery,
  ResidentSearchQuery,
  RevealQuery,
  UpdateBuildingBody,
  UpdateBusinessBody,
  UpdateHouseholdBody,
  UpdateResidentBody,
} from './registers.dto';
import type {
  AuditEntryView,
  BuildingView,
  BusinessView,
  HouseholdView,
  ImportBatchResult,
  ImportKind,
  ImportReport,
  QualityView,
  ResidentView,
  RevealedResidentView,
} from './registers.types';

/** The registry's basic-information registers, typed. */
@Injectable()
export class RegistryRegistersClient {
  constructor(private readonly bus: BusRequester) {}

  createBuilding(caller: Caller, request: CreateBuildingRequest): Promise<BuildingView> {
    return this.bus.request(REGISTRY_REQUESTS.createBuilding, request, { caller });
  }
  updateBuilding(caller: Caller, id: string, changes: UpdateBuildingBody): Promise<BuildingView> {
    return this.bus.request(REGISTRY_REQUESTS.updateBuilding, { id, ...changes }, { caller });
  }
  getBuilding(caller: Caller, id: string): Promise<BuildingView> {
    return this.bus.request(REGISTRY_REQUESTS.getBuilding, { id }, { caller });
  }
  listBuildings(caller: Caller, query: RegisterListQuery): Promise<OffsetPage<BuildingView>> {
    return this.bus.request(REGISTRY_REQUESTS.listBuildings, query, { caller });
  }

  createHousehold(caller: Caller, request: CreateHouseholdRequest): Promise<HouseholdView> {
    return this.bus.request(REGISTRY_REQUESTS.createHousehold, request, { caller });
  }
  updateHousehold(caller: Caller, id: string, changes: UpdateHouseholdBody): Promise<HouseholdView> {
    return this.bus.request(REGISTRY_REQUESTS.updateHousehold, { id, ...changes }, { caller });
  }
  /** With its members for callers who may read residents, without them for the others. */
  getHousehold(caller: Caller, id: string): Promise<HouseholdView & { members?: ResidentView[] }> {
    return this.bus.request(REGISTRY_REQUESTS.getHousehold, { id }, { caller });
  }
  listHouseholds(caller: Caller, query: RegisterListQuery): Promise<OffsetPage<HouseholdView>> {
    return this.bus.request(REGISTRY_REQUESTS.listHouseholds, query, { caller });
  }

  createResident(caller: Caller, request: CreateResidentRequest): Promise<ResidentView> {
    return this.bus.request(REGISTRY_REQUESTS.createResident, request, { caller });
  }
  updateResident(caller: Caller, id: string, changes: UpdateResidentBody): Promise<ResidentView> {
    return this.bus.request(REGISTRY_REQUESTS.updateResident, { id, changes }, { caller });
  }
  getResident(caller: Caller, id: string): Promise<ResidentView> {
    return this.bus.request(REGISTRY_REQUESTS.getResident, { id }, { caller });
  }
  searchResidents(caller: Caller, query: ResidentSearchQuery): Promise<OffsetPage<ResidentView>> {
    return this.bus.request(REGISTRY_REQUESTS.searchResidents, query, { caller });
  }
  revealResident(caller: Caller, id: string, query: RevealQuery): Promise<RevealedResidentView> {
    return this.bus.request(REGISTRY_REQUESTS.revealResident, { id, ...query }, { caller });
  }

  createBusiness(caller: Caller, request: CreateBusinessRequest): Promise<BusinessView> {
    return this.bus.request(REGISTRY_REQUESTS.createBusiness, request, { caller });
  }
  updateBusiness(caller: Caller, id: string, changes: UpdateBusinessBody): Promise<BusinessView> {
    return this.bus.request(REGISTRY_REQUESTS.updateBusiness, { id, ...changes }, { caller });
  }
  getBusiness(caller: Caller, id: string): Promise<BusinessView> {
    return this.bus.request(REGISTRY_REQUESTS.getBusiness, { id }, { caller });
  }
  listBusinesses(caller: Caller, query: RegisterListQuery): Promise<OffsetPage<BusinessView>> {
    return this.bus.request(REGISTRY_REQUESTS.listBusinesses, query, { caller });
  }

  deleteRecord(caller: Caller, kind: RegisterKind, id: string): Promise<{ deleted: true }> {
    return this.bus.request(REGISTRY_REQUESTS.deleteRecord, { kind, id }, { caller });
  }

  listAudit(caller: Caller, query: AuditQuery): Promise<OffsetPage<AuditEntryView>> {
    return this.bus.request(REGISTRY_REQUESTS.listAudit, query, { caller });
  }
  unitQuality(caller: Caller, code: string): Promise<QualityView> {
    return this.bus.request(REGISTRY_REQUESTS.unitQuality, { code }, { caller });
  }

  startImport(caller: Caller, kind: ImportKind, jobId?: string, fileFingerprint?: string): Promise<ImportReport> {
    return this.bus.request(REGISTRY_REQUESTS.startImport, { kind, ...(jobId ? { jobId } : {}), ...(fileFingerprint ? { fileFingerprint } : {}) }, { caller });
  }
  importBatch(caller: Caller, jobId: string, firstRow: number, rows: Record<string, string>[]): Promise<ImportBatchResult> {
    return this.bus.request(REGISTRY_REQUESTS.importBatch, { jobId, firstRow, rows }, { caller, timeoutMs: 60_000 });
  }
  finishImport(caller: Caller, jobId: string): Promise<ImportReport> {
    return this.bus.request(REGISTRY_REQUESTS.finishImport, { jobId }, { caller });
  }
  getImport(caller: Caller, jobId: string): Promise<ImportReport> {
    return this.bus.request(REGISTRY_REQUESTS.getImport, { jobId }, { caller });
  }
}
