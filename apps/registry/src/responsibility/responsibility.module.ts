import { Module } from '@nestjs/common';
import { ResponsibilityBusController } from './responsibility.bus-controller';
import { ResponsibilityRepository } from './responsibility.repository';
import { ComputeDeadlineUseCase } from './use-cases/compute-deadline/compute-deadline.use-case';
import { CreateCategoryUseCase } from './use-cases/create-category/create-category.use-case';
import { CreateDepartmentUseCase } from './use-cases/create-department/create-department.use-case';
import { ReadResponsibilityListUseCase } from './use-cases/read-responsibility-list/read-responsibility-list.use-case';
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
    ReadResponsibilityListUseCase,
    ComputeDeadlineUseCase,
  ],
})
export class ResponsibilityModule {}
