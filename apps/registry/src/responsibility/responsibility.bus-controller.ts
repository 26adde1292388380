import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  CalendarYearRequest,
  CategoryCodeRequest,
  CreateCategoryRequest,
  CreateDepartmentRequest,
  DeadlineQuery,
  REGISTRY_REQUESTS,
  SetCalendarYearRequest,
  UpdateCategoryRequest,
  UpdateDepartmentRequest,
} from '@gridline/contracts-registry';
import { ComputeDeadlineUseCase } from './use-cases/compute-deadline/compute-deadline.use-case';
import { CreateCategoryCommand } from './use-cases/create-category/create-category.command';
import { CreateCategoryUseCase } from './use-cases/create-category/create-category.use-case';
import { CreateDepartmentCommand } from './use-cases/create-department/create-department.command';
import { CreateDepartmentUseCase } from './use-cases/create-department/create-department.use-case';
import { GetCalendarYearQuery } from './use-cases/get-calendar-year/get-calendar-year.query';
import { GetCalendarYearUseCase } from './use-cases/get-calendar-year/get-calendar-year.use-case';
import { GetCategoryQuery } from './use-cases/get-category/get-category.query';
import { GetCategoryUseCase } from './use-cases/get-category/get-category.use-case';
import { ListCategoriesUseCase } from './use-cases/list-categories/list-categories.use-case';
import { ListDepartmentsUseCase } from './use-cases/list-departments/list-departments.use-case';
import { SetCalendarYearCommand } from './use-cases/set-calendar-year/set-calendar-year.command';
import { SetCalendarYearUseCase } from './use-cases/set-calendar-year/set-calendar-year.use-case';
import { UpdateCategoryCommand } from './use-cases/update-category/update-category.command';
import { UpdateCategoryUseCase } from './use-cases/update-category/update-category.use-case';
import { UpdateDepartmentCommand } from './use-cases/update-department/update-department.command';
import { UpdateDepartmentUseCase } from './use-cases/update-department/update-department.use-case';

/** The responsibility list on the bus. Reads need only a caller; changes need the list keepers' roles. */
@Controller()
export class ResponsibilityBusController {
  constructor(
    private readonly createDepartmentUseCase: CreateDepartmentUseCase,
    private readonly updateDepartmentUseCase: UpdateDepartmentUseCase,
    private readonly createCategoryUseCase: CreateCategoryUseCase,
    private readonly updateCategoryUseCase: UpdateCategoryUseCase,
    private readonly setCalendarUseCase: SetCalendarYearUseCase,
    private readonly listDepartments: ListDepartmentsUseCase,
    private readonly listCategories: ListCategoriesUseCase,
    private readonly getCategory: GetCategoryUseCase,
    private readonly getCalendarYear: GetCalendarYearUseCase,
    private readonly computeDeadline: ComputeDeadlineUseCase,
  ) {}

  @MessagePattern(REGISTRY_REQUESTS.createDepartment.pattern)
  @Idempotent()
  createDepartment(@Payload() request: CreateDepartmentRequest, @BusCaller() caller: Caller) {
    return this.createDepartmentUseCase.execute(new CreateDepartmentCommand(caller, request));
  }

  @MessagePattern(REGISTRY_REQUESTS.updateDepartment.pattern)
  updateDepartment(@Payload() request: UpdateDepartmentRequest, @BusCaller() caller: Caller) {
    return this.updateDepartmentUseCase.execute(new UpdateDepartmentCommand(caller, request.code, request.changes));
  }

  @MessagePattern(REGISTRY_REQUESTS.listDepartments.pattern)
  departments(@BusCaller() _caller: Caller) {
    return this.listDepartments.execute();
  }

  @MessagePattern(REGISTRY_REQUESTS.createCategory.pattern)
  @Idempotent()
  createCategory(@Payload() request: CreateCategoryRequest, @BusCaller() caller: Caller) {
    return this.createCategoryUseCase.execute(new CreateCategoryCommand(caller, request));
  }

  @MessagePattern(REGISTRY_REQUESTS.updateCategory.pattern)
  updateCategory(@Payload() request: UpdateCategoryRequest, @BusCaller() caller: Caller) {
    return this.updateCategoryUseCase.execute(new UpdateCategoryCommand(caller, request.code, request.changes));
  }

  @MessagePattern(REGISTRY_REQUESTS.getCategory.pattern)
  category(@Payload() request: CategoryCodeRequest, @BusCaller() _caller: Caller) {
    return this.getCategory.execute(new GetCategoryQuery(request.code));
  }

  @MessagePattern(REGISTRY_REQUESTS.listCategories.pattern)
  categories(@BusCaller() _caller: Caller) {
    return this.listCategories.execute();
  }

  @MessagePattern(REGISTRY_REQUESTS.getCalendar.pattern)
  calendar(@Payload() request: CalendarYearRequest, @BusCaller() _caller: Caller) {
    return this.getCalendarYear.execute(new GetCalendarYearQuery(request.year));
  }

  @MessagePattern(REGISTRY_REQUESTS.deadline.pattern)
  deadline(@Payload() request: DeadlineQuery, @BusCaller() _caller: Caller) {
    return this.computeDeadline.execute(request);
  }

  @MessagePattern(REGISTRY_REQUESTS.setCalendar.pattern)
  setCalendar(@Payload() request: SetCalendarYearRequest, @BusCaller() caller: Caller) {
    return this.setCalendarUseCase.execute(new SetCalendarYearCommand(caller, request.year, request.holidays, request.workdays));
  }
}
