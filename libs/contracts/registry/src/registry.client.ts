import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { REGISTRY_REQUESTS } from './registry.requests';
import type { CreateUnitRequest, ListUnitsQuery, LocateQuery, UpdateUnitBody } from './unit.dto';
import type { LocateResult, UnitView } from './unit.types';
import type { PublicGridQuery } from './public/public-grid.dto';
import type { PublicGridResult } from './public/public-grid.types';
import type {
  CreateCategoryRequest,
  CreateDepartmentRequest,
  DeadlineQuery,
  SetCalendarYearBody,
  UpdateCategoryBody,
  UpdateDepartmentBody,
} from './responsibility/responsibility.dto';
import type { GridStaffSnapshotQuery } from './people/people.dto';
import type { GridStaffSnapshotPage } from './people/people.types';
import type { CalendarYearInForceView, CalendarYearView, CategoryTreeView, CategoryView, DeadlineView, DepartmentView } from './responsibility/responsibility.types';

/** The registry's commands and queries, typed, for any other service or the gateway. */
@Injectable()
export class RegistryClient {
  constructor(private readonly bus: BusRequester) {}

  createUnit(caller: Caller, request: CreateUnitRequest): Promise<UnitView> {
    return this.bus.request(REGISTRY_REQUESTS.createUnit, request, { caller });
  }

  updateUnit(caller: Caller, code: string, changes: UpdateUnitBody): Promise<UnitView> {
    return this.bus.request(REGISTRY_REQUESTS.updateUnit, { code, changes }, { caller });
  }

  getUnit(caller: Caller, code: string): Promise<UnitView> {
    return this.bus.request(REGISTRY_REQUESTS.getUnit, { code }, { caller });
  }

  listUnits(caller: Caller, query: ListUnitsQuery): Promise<OffsetPage<UnitView>> {
    return this.bus.request(REGISTRY_REQUESTS.listUnits, query, { caller });
  }

  listChildren(caller: Caller, code: string): Promise<UnitView[]> {
    return this.bus.request(REGISTRY_REQUESTS.listChildren, { code }, { caller });
  }

  locate(caller: Caller, query: LocateQuery): Promise<LocateResult> {
    return this.bus.request(REGISTRY_REQUESTS.locate, query, { caller });
  }

  /** The public grid lookup; `caller` is PUBLIC_CALLER (the registry answers no one else). */
  findPublicGrid(caller: Caller, query: PublicGridQuery): Promise<PublicGridResult> {
    return this.bus.request(REGISTRY_REQUESTS.findPublicGrid, query, { caller });
  }

  createDepartment(caller: Caller, request: CreateDepartmentRequest): Promise<DepartmentView> {
    return this.bus.request(REGISTRY_REQUESTS.createDepartment, request, { caller });
  }

  updateDepartment(caller: Caller, code: string, changes: UpdateDepartmentBody): Promise<DepartmentView> {
    return this.bus.request(REGISTRY_REQUESTS.updateDepartment, { code, changes }, { caller });
  }

  listDepartments(caller: Caller): Promise<DepartmentView[]> {
    return this.bus.request(REGISTRY_REQUESTS.listDepartments, {}, { caller });
  }

  createCategory(caller: Caller, request: CreateCategoryRequest): Promise<CategoryView> {
    return this.bus.request(REGISTRY_REQUESTS.createCategory, request, { caller });
  }

  updateCategory(caller: Caller, code: string, changes: UpdateCategoryBody): Promise<CategoryView> {
    return this.bus.request(REGISTRY_REQUESTS.updateCategory, { code, changes }, { caller });
  }

  getCategory(caller: Caller, code: string): Promise<CategoryTreeView> {
    return this.bus.request(REGISTRY_REQUESTS.getCategory, { code }, { caller });
  }

  listCategories(caller: Caller): Promise<CategoryTreeView[]> {
    return this.bus.request(REGISTRY_REQUESTS.listCategories, {}, { caller });
  }

  getCalendar(caller: Caller, year: number): Promise<CalendarYearInForceView> {
    return this.bus.request(REGISTRY_REQUESTS.getCalendar, { year }, { caller });
  }

  setCalendar(caller: Caller, year: number, body: SetCalendarYearBody): Promise<CalendarYearView> {
    return this.bus.request(REGISTRY_REQUESTS.setCalendar, { year, ...body }, { caller });
  }

  deadline(caller: Caller, query: DeadlineQuery): Promise<DeadlineView> {
    return this.bus.request(REGISTRY_REQUESTS.deadline, query, { caller });
  }

  /** The grid staff for a copy of them (answered to `svc:analytics` only: ask as SYSTEM_CALLER from analytics). */
  staffSnapshot(caller: Caller, query: GridStaffSnapshotQuery): Promise<GridStaffSnapshotPage> {
    return this.bus.request(REGISTRY_REQUESTS.staffSnapshot, query, { caller });
  }
}
