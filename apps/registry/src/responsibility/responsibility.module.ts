import { Module } from '@nestjs/common';
import { ResponsibilityBusController } from './responsibility.bus-controller';
import { ResponsibilityRepository } from './responsibility.repository';
import { ComputeDeadlineUseCase } from './use-cases/compute-deadline/compute-deadline.use-case';
import { CreateCategoryUseCase } from './use-cases/create-category/create-category.use-case';
import { CreateDepartmentUseCase } from './use-cases/create-department/create-department.use-case';
import { GetCalendarYearUseCase } from './use-cases/get-calendar-year/get-calendar-year.use-case';
import { GetCategoryUseCase } from './use-cases/get-category/get-category.use-case';
import { ListCategoriesUseCase } from './use-cases/list-categories/list-categories.use-case';
import { ListDepartmentsUseCase } from './use-cases/list-departments/list-departments.use-case';
import { SetCalendarYearUseCase } from './use-cases/set-calendar-year/set-calendar-year.use-case';
import { UpdateCategoryUseCase } from './use-cases/update-category/update-category.use-case';
import { UpdateDepartmentUseCase } from './use-cases/update-department/update-department.use-case';

@Module({
  controllers: [ResponsibilityBusController],
  providers: [
    ResponsibilityRepository,
    CreateDepartmentUseCase,
    UpdateDepartmentUseCase,
    CreateCategoryUseCase,
    UpdateCategoryUseCase,
    SetCalendarYearUseCase,
    ListDepartmentsUseCase,
    ListCategoriesUseCase,
    GetCategoryUseCase,
    GetCalendarYearUseCase,
    ComputeDeadlineUseCase,
  ],
})
export class ResponsibilityModule {}
