import { defineRequest, serviceInfoRequest } from '@gridline/messaging/contracts';
import type { OffsetPage } from '@gridline/platform';
import type { CreateUnitRequest, ListUnitsQuery, LocateQuery, UnitCodeRequest, UpdateUnitRequest } from './unit.dto';
import type { LocateResult, UnitView } from './unit.types';
import type {
  AuditQuery,
  CreateBuildingRequest,
  CreateBusinessRequest,
  CreateHouseholdRequest,
  CreateResidentRequest,
  DeleteRecordRequest,
  ImportBatchRequest,
  ImportJobRequest,
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
} from './registers/registers.dto';
import type {
  AuditEntryView,
  BuildingView,
  BusinessView,
  HouseholdView,
  ImportBatchResult,
  ImportReport,
  QualityView,
  ResidentView,
  RevealedResidentView,
} from './registers/registers.types';
import type { AssignPersonRequest, CoverageRequest, CreatePersonRequest, EndAssignmentRequest, GridStaffSnapshotQuery, PersonIdRequest, UnitPeopleRequest, UpdateAssignmentRequest } from './people/people.dto';
import type { AssignmentView, CoverageView, GridStaffSnapshotPage, PersonView } from './people/people.types';
import type {
  CalendarYearRequest,
  CategoryCodeRequest,
  CreateCategoryRequest,
  CreateDepartmentRequest,
  DeadlineQuery,
  SetCalendarYearRequest,
  UpdateCategoryRequest,
  UpdateDepartmentRequest,
} from './responsibility/responsibility.dto';
import type { CalendarYearInForceView, CalendarYearView, CategoryTreeView, CategoryView, DeadlineView, DepartmentView } from './responsibility/responsibility.types';
import type { PublicGridQuery } from './public/public-grid.dto';
import type { PublicGridResult } from './public/public-grid.types';

/** Every command and query the registry answers over the bus. */
export const REGISTRY_REQUESTS = {
  info: serviceInfoRequest('registry'),
  createUnit: defineRequest<CreateUnitRequest, UnitView>('registry', 'registry.unit.create'),
  updateUnit: defineRequest<UpdateUnitRequest, UnitView>('registry', 'registry.unit.update'),
  getUnit: defineRequest<UnitCodeRequest, UnitView>('registry', 'registry.unit.get'),
  listUnits: defineRequest<ListUnitsQuery, OffsetPage<UnitView>>('registry', 'registry.unit.list'),
  listChildren: defineRequest<UnitCodeRequest, UnitView[]>('registry', 'registry.unit.children'),
  locate: defineRequest<LocateQuery, LocateResult>('registry', 'registry.unit.locate'),
  /** The public grid lookup: answers only the public caller (`PUBLIC_CALLER`, signed by the gateway). */
  findPublicGrid: defineRequest<PublicGridQuery, PublicGridResult>('registry', 'registry.public_grid.find'),
  createDepartment: defineRequest<CreateDepartmentRequest, DepartmentView>('registry', 'registry.department.create'),
  updateDepartment: defineRequest<UpdateDepartmentRequest, DepartmentView>('registry', 'registry.department.update'),
  listDepartments: defineRequest<Record<string, never>, DepartmentView[]>('registry', 'registry.department.list'),
  createCategory: defineRequest<CreateCategoryRequest, CategoryView>('registry', 'registry.category.create'),
  updateCategory: defineRequest<UpdateCategoryRequest, CategoryView>('registry', 'registry.category.update'),
  getCategory: defineRequest<CategoryCodeRequest, CategoryTreeView>('registry', 'registry.category.get'),
  listCategories: defineRequest<Record<string, never>, CategoryTreeView[]>('registry', 'registry.category.list'),
  getCalendar: defineRequest<CalendarYearRequest, CalendarYearInForceView>('registry', 'registry.calendar.get'),
  setCalendar: defineRequest<SetCalendarYearRequest, CalendarYearView>('registry', 'registry.calendar.set'),
  deadline: defineRequest<DeadlineQuery, DeadlineView>('registry', 'registry.calendar.deadline'),
  createPerson: defineRequest<CreatePersonRequest, PersonView>('registry', 'registry.person.create'),
  getPerson: defineRequest<PersonIdRequest, PersonView & { assignments: AssignmentView[] }>('registry', 'registry.person.get'),
  assignPerson: defineRequest<AssignPersonRequest, AssignmentView>('registry', 'registry.assignment.create'),
  endAssignment: defineRequest<EndAssignmentRequest, AssignmentView>('registry', 'registry.assignment.end'),
  updateAssignment: defineRequest<UpdateAssignmentRequest, AssignmentView>('registry', 'registry.assignment.update'),
  unitPeople: defineRequest<UnitPeopleRequest, AssignmentView[]>('registry', 'registry.unit.people'),
  /** The grid staff with names and logins, for analytics' copy: answers `svc:analytics` only. */
  staffSnapshot: defineRequest<GridStaffSnapshotQuery, GridStaffSnapshotPage>('registry', 'registry.staff.snapshot'),
  coverage: defineRequest<CoverageRequest, CoverageView>('registry', 'registry.coverage.get'),
  createBuilding: defineRequest<CreateBuildingRequest, BuildingView>('registry', 'registry.building.create'),
  updateBuilding: defineRequest<UpdateBuildingRequest, BuildingView>('registry', 'registry.building.update'),
  getBuilding: defineRequest<RecordIdRequest, BuildingView>('registry', 'registry.building.get'),
  listBuildings: defineRequest<RegisterListQuery, OffsetPage<BuildingView>>('registry', 'registry.building.list'),
  createHousehold: defineRequest<CreateHouseholdRequest, HouseholdView>('registry', 'registry.household.create'),
  updateHousehold: defineRequest<UpdateHouseholdRequest, HouseholdView>('registry', 'registry.household.update'),
  getHousehold: defineRequest<RecordIdRequest, HouseholdView & { members: ResidentView[] }>('registry', 'registry.household.get'),
  listHouseholds: defineRequest<RegisterListQuery, OffsetPage<HouseholdView>>('registry', 'registry.household.list'),
  createResident: defineRequest<CreateResidentRequest, ResidentView>('registry', 'registry.resident.create'),
  updateResident: defineRequest<UpdateResidentRequest, ResidentView>('registry', 'registry.resident.update'),
  getResident: defineRequest<RecordIdRequest, ResidentView>('registry', 'registry.resident.get'),
  searchResidents: defineRequest<ResidentSearchQuery, OffsetPage<ResidentView>>('registry', 'registry.resident.search'),
  revealResident: defineRequest<RevealResidentRequest, RevealedResidentView>('registry', 'registry.resident.reveal'),
  createBusiness: defineRequest<CreateBusinessRequest, BusinessView>('registry', 'registry.business.create'),
  updateBusiness: defineRequest<UpdateBusinessRequest, BusinessView>('registry', 'registry.business.update'),
  getBusiness: defineRequest<RecordIdRequest, BusinessView>('registry', 'registry.business.get'),
  listBusinesses: defineRequest<RegisterListQuery, OffsetPage<BusinessView>>('registry', 'registry.business.list'),
  deleteRecord: defineRequest<DeleteRecordRequest, { deleted: true }>('registry', 'registry.record.delete'),
  listAudit: defineRequest<AuditQuery, OffsetPage<AuditEntryView>>('registry', 'registry.audit.list'),
  unitQuality: defineRequest<UnitQualityRequest, QualityView>('registry', 'registry.unit.quality'),
  startImport: defineRequest<StartImportRequest, ImportReport>('registry', 'registry.import.start'),
  importBatch: defineRequest<ImportBatchRequest, ImportBatchResult>('registry', 'registry.import.batch'),
  finishImport: defineRequest<ImportJobRequest, ImportReport>('registry', 'registry.import.finish'),
  getImport: defineRequest<ImportJobRequest, ImportReport>('registry', 'registry.import.get'),
} as const;
