import { defineRequest } from '@gridline/messaging';
import type { Page } from '@gridline/platform';
import type { CreateUnitRequest, ListUnitsQuery, LocateQuery, UnitCodeRequest, UpdateUnitRequest } from './unit.dto';
import type { LocateResult, UnitView } from './unit.types';
import type { AssignPersonRequest, CoverageRequest, CreatePersonRequest, EndAssignmentRequest, PersonIdRequest, UnitPeopleRequest } from './people/people.dto';
import type { AssignmentView, CoverageView, PersonView } from './people/people.types';
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
import type { CalendarYearView, CategoryTreeView, CategoryView, DeadlineView, DepartmentView } from './responsibility/responsibility.types';

/** Every command and query the registry answers over the bus. */
export const REGISTRY_REQUESTS = {
  createUnit: defineRequest<CreateUnitRequest, UnitView>('registry', 'registry.unit.create'),
  updateUnit: defineRequest<UpdateUnitRequest, UnitView>('registry', 'registry.unit.update'),
  getUnit: defineRequest<UnitCodeRequest, UnitView>('registry', 'registry.unit.get'),
  listUnits: defineRequest<ListUnitsQuery, Page<UnitView>>('registry', 'registry.unit.list'),
  listChildren: defineRequest<UnitCodeRequest, UnitView[]>('registry', 'registry.unit.children'),
  locate: defineRequest<LocateQuery, LocateResult>('registry', 'registry.unit.locate'),
  createDepartment: defineRequest<CreateDepartmentRequest, DepartmentView>('registry', 'registry.department.create'),
  updateDepartment: defineRequest<UpdateDepartmentRequest, DepartmentView>('registry', 'registry.department.update'),
  listDepartments: defineRequest<Record<string, never>, DepartmentView[]>('registry', 'registry.department.list'),
  createCategory: defineRequest<CreateCategoryRequest, CategoryView>('registry', 'registry.category.create'),
  updateCategory: defineRequest<UpdateCategoryRequest, CategoryView>('registry', 'registry.category.update'),
  getCategory: defineRequest<CategoryCodeRequest, CategoryTreeView>('registry', 'registry.category.get'),
  listCategories: defineRequest<Record<string, never>, CategoryTreeView[]>('registry', 'registry.category.list'),
  getCalendar: defineRequest<CalendarYearRequest, CalendarYearView>('registry', 'registry.calendar.get'),
  setCalendar: defineRequest<SetCalendarYearRequest, CalendarYearView>('registry', 'registry.calendar.set'),
  deadline: defineRequest<DeadlineQuery, DeadlineView>('registry', 'registry.calendar.deadline'),
  createPerson: defineRequest<CreatePersonRequest, PersonView>('registry', 'registry.person.create'),
  getPerson: defineRequest<PersonIdRequest, PersonView & { assignments: AssignmentView[] }>('registry', 'registry.person.get'),
  assignPerson: defineRequest<AssignPersonRequest, AssignmentView>('registry', 'registry.assignment.create'),
  endAssignment: defineRequest<EndAssignmentRequest, AssignmentView>('registry', 'registry.assignment.end'),
  unitPeople: defineRequest<UnitPeopleRequest, AssignmentView[]>('registry', 'registry.unit.people'),
  coverage: defineRequest<CoverageRequest, CoverageView>('registry', 'registry.coverage.get'),
} as const;
