import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RESPONSIBILITY_LIST_KEEPERS, Roles, type Caller } from '@gridline/auth';
import {
  CalendarYearRequest,
  CategoryCodeRequest,
  CreateCategoryRequest,
  CreateDepartmentRequest,
  DeadlineQuery,
  RegistryClient,
  SetCalendarYearBody,
  UpdateCategoryBody,
  UpdateDepartmentBody,
} from '@gridline/contracts-registry';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { DepartmentCodeParam } from './department-code.param';

@ApiTags('responsibility list')
@ApiBearerAuth()
@ApiProblems()
@Controller(API_PREFIX)
export class ResponsibilityController {
  constructor(private readonly registry: RegistryClient) {}

  @Get('departments')
  @ApiOperation({ summary: 'Departments that own kinds of matters' })
  departments(@CurrentCaller() caller: Caller) {
    return this.registry.listDepartments(caller);
  }

  @Post('departments')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...RESPONSIBILITY_LIST_KEEPERS)
  @ApiOperation({ summary: 'Add a department' })
  createDepartment(@CurrentCaller() caller: Caller, @Body() body: CreateDepartmentRequest) {
    return this.registry.createDepartment(caller, body);
  }

  @Patch('departments/:code')
  @Roles(...RESPONSIBILITY_LIST_KEEPERS)
  @ApiOperation({ summary: "Change a department's name, contact or active flag" })
  updateDepartment(@CurrentCaller() caller: Caller, @Param() { code }: DepartmentCodeParam, @Body() body: UpdateDepartmentBody) {
    return this.registry.updateDepartment(caller, code, body);
  }

  @Get('categories')
  @ApiOperation({ summary: 'The category tree of the responsibility list: major categories with their minor ones' })
  categories(@CurrentCaller() caller: Caller) {
    return this.registry.listCategories(caller);
  }

  @Get('categories/:code')
  @ApiOperation({ summary: 'One category, with its children' })
  category(@CurrentCaller() caller: Caller, @Param() { code }: CategoryCodeRequest) {
    return this.registry.getCategory(caller, code);
  }

  @Post('categories')
  @IdempotentCreate()
  @HttpCode(201)
  @Roles(...RESPONSIBILITY_LIST_KEEPERS)
  @ApiOperation({ summary: 'Add a major category, or a minor one with owner and time limits' })
  createCategory(@CurrentCaller() caller: Caller, @Body() body: CreateCategoryRequest) {
    return this.registry.createCategory(caller, body);
  }

  @Patch('categories/:code')
  @Roles(...RESPONSIBILITY_LIST_KEEPERS)
  @ApiOperation({ summary: "Change a category's name, owner, limits, urgency or active flag" })
  updateCategory(@CurrentCaller() caller: Caller, @Param() { code }: CategoryCodeRequest, @Body() body: UpdateCategoryBody) {
    return this.registry.updateCategory(caller, code, body);
  }

  @Get('calendar/deadline')
  @ApiOperation({ summary: 'The deadline of a time limit started at a moment, on the working-day calendar' })
  deadline(@CurrentCaller() caller: Caller, @Query() query: DeadlineQuery) {
    return this.registry.deadline(caller, query);
  }

  @Get('calendar/:year')
  @ApiOperation({ summary: "A year's holidays and make-up working days" })
  calendar(@CurrentCaller() caller: Caller, @Param() { year }: CalendarYearRequest) {
    return this.registry.getCalendar(caller, year);
  }

  @Put('calendar/:year')
  @Roles(...RESPONSIBILITY_LIST_KEEPERS)
  @ApiOperation({ summary: "Set a year's holidays and make-up working days (replaces the year)" })
  setCalendar(@CurrentCaller() caller: Caller, @Param() { year }: CalendarYearRequest, @Body() body: SetCalendarYearBody) {
    return this.registry.setCalendar(caller, year, body);
  }
}
