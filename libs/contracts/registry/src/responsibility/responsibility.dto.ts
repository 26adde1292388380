import { IsCalendarDate, IsDateTime, IsOneOf } from '@gridline/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDepartmentCode } from '../identifiers/department-code';
import { IsCategoryCode } from '../identifiers/category-code';
import { CATEGORY_DETAIL_TYPES, OWNER_LEVELS, TIME_LIMIT_UNITS, URGENCY_LEVELS, type CategoryDetailType, type OwnerLevel, type TimeLimitUnit, type UrgencyLevel } from './responsibility.types';


export class TimeLimitDto {
  @ApiProperty({ example: 2, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10000)
  amount!: number;

  @ApiProperty({ enum: TIME_LIMIT_UNITS })
  @IsOneOf(TIME_LIMIT_UNITS)
  unit!: TimeLimitUnit;
}

export class CategoryOwnerDto {
  @ApiPropertyOptional({ enum: OWNER_LEVELS, description: 'The level that owns it (exclusive with departmentCode)' })
  @IsOptional()
  @IsOneOf(OWNER_LEVELS)
  level?: OwnerLevel;

  @ApiPropertyOptional({ example: 'URBAN_MGMT', description: 'The department that owns it (exclusive with level)' })
  @IsOptional()
  @IsDepartmentCode({ message: 'departmentCode must be a department code (A-Z, 0-9, _)' })
  departmentCode?: string;
}

/** Body of POST /api/v1/departments and `registry.department.create`. */
export class CreateDepartmentRequest {
  @ApiProperty({ example: 'URBAN_MGMT' })
  @IsDepartmentCode({ message: 'code must be 2–32 characters A-Z, 0-9 or _, starting with a letter' })
  code!: string;

  @ApiProperty({ example: '综合执法办公室' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '0546-8321234', description: "The department's duty line or office (not a person's mobile)" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contact?: string;
}

export class UpdateDepartmentBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contact?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateDepartmentRequest {
  @IsDepartmentCode()
  code!: string;

  @ValidateNested()
  @Type(() => UpdateDepartmentBody)
  changes!: UpdateDepartmentBody;
}

export class CategoryDetailValueDto {
  @ApiProperty({ example: 'dog' })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'key must be 1–32 letters, digits, dashes or underscores' })
  key!: string;

  @ApiProperty({ example: '犬只' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}

/** A detail a report of the category carries (an Open311 service attribute). */
export class CategoryDetailDto {
  @ApiProperty({ example: 'FLOOR', description: 'Letters, digits and underscores, starting with a letter (up to 32)' })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, { message: 'code must be a letter then up to 31 letters, digits or underscores' })
  code!: string;

  @ApiProperty({ example: '漏水的楼层' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;

  @ApiProperty({ enum: CATEGORY_DETAIL_TYPES })
  @IsOneOf(CATEGORY_DETAIL_TYPES)
  datatype!: CategoryDetailType;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;

  @ApiPropertyOptional({ type: [CategoryDetailValueDto], description: 'The choices; required for singlevaluelist and multivaluelist, none otherwise' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CategoryDetailValueDto)
  values?: CategoryDetailValueDto[];
}

const detailsProperty = () =>
  ApiPropertyOptional({ type: [CategoryDetailDto], description: 'What a report of this (minor) category must or may say besides place and text: Open311 service attributes (at most 20)' });

/** Body of POST /api/v1/categories and `registry.category.create`. */
export class CreateCategoryRequest {
  @ApiProperty({ example: 'ENV.GARBAGE', description: 'MAJOR or MAJOR.MINOR, upper case' })
  @IsCategoryCode({ message: 'code must be MAJOR or MAJOR.MINOR in upper case (e.g. ENV, ENV.GARBAGE)' })
  code!: string;

  @ApiProperty({ example: '垃圾堆放' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: 'ENV', description: 'The major category; required for a minor one' })
  @IsOptional()
  @IsCategoryCode()
  parentCode?: string;

  @ApiPropertyOptional({ type: CategoryOwnerDto, description: 'Required for a minor category' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CategoryOwnerDto)
  owner?: CategoryOwnerDto;

  @ApiPropertyOptional({ type: TimeLimitDto, description: 'Time to accept (立案); required for a minor category' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeLimitDto)
  acceptLimit?: TimeLimitDto;

  @ApiPropertyOptional({ type: TimeLimitDto, description: 'Time to handle; required for a minor category' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeLimitDto)
  handleLimit?: TimeLimitDto;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS, default: 'normal' })
  @IsOptional()
  @IsOneOf(URGENCY_LEVELS)
  urgency?: UrgencyLevel;

  @detailsProperty()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CategoryDetailDto)
  details?: CategoryDetailDto[];
}

export class UpdateCategoryBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ type: CategoryOwnerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CategoryOwnerDto)
  owner?: CategoryOwnerDto;

  @ApiPropertyOptional({ type: TimeLimitDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeLimitDto)
  acceptLimit?: TimeLimitDto;

  @ApiPropertyOptional({ type: TimeLimitDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeLimitDto)
  handleLimit?: TimeLimitDto;

  @ApiPropertyOptional({ enum: URGENCY_LEVELS })
  @IsOptional()
  @IsOneOf(URGENCY_LEVELS)
  urgency?: UrgencyLevel;

  @detailsProperty()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CategoryDetailDto)
  details?: CategoryDetailDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCategoryRequest {
  @IsCategoryCode()
  code!: string;

  @ValidateNested()
  @Type(() => UpdateCategoryBody)
  changes!: UpdateCategoryBody;
}

export class CategoryCodeRequest {
  @IsCategoryCode({ message: 'code must be a category code (e.g. ENV or ENV.GARBAGE)' })
  code!: string;
}

export class CalendarYearRequest {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** Body of PUT /api/v1/calendar/:year. */
export class SetCalendarYearBody {
  @ApiProperty({ example: ['2026-10-01', '2026-10-02'], description: 'Statutory holidays (off)' })
  @IsArray()
  @ArrayMaxSize(366)
  @IsCalendarDate({ each: true, message: 'each holiday must be a date YYYY-MM-DD' })
  holidays!: string[];

  @ApiProperty({ example: ['2026-09-27'], description: 'Make-up working days (调休: a weekend day that is worked)' })
  @IsArray()
  @ArrayMaxSize(366)
  @IsCalendarDate({ each: true, message: 'each workday must be a date YYYY-MM-DD' })
  workdays!: string[];
}

export class SetCalendarYearRequest extends SetCalendarYearBody {
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** Query of GET /api/v1/calendar/deadline and `registry.calendar.deadline`. */
export class DeadlineQuery {
  @ApiProperty({ example: '2026-09-30T10:00:00+08:00', description: 'When the clock starts (ISO 8601)' })
  @IsDateTime({ requireZone: true }, { message: 'from must be an ISO 8601 date-time with a time zone' })
  from!: string;

  @ApiProperty({ example: 2, minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  amount!: number;

  @ApiProperty({ enum: TIME_LIMIT_UNITS })
  @IsOneOf(TIME_LIMIT_UNITS)
  unit!: TimeLimitUnit;
}
