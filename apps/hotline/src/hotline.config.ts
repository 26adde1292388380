import { IsInt, Max, Min } from 'class-validator';
import { PersonalDataServiceConfig } from '@gridline/persistence';

/** The hotline's configuration: personal-data keys (callers' names and phones), the service variables, and limits. */
export class HotlineConfig extends PersonalDataServiceConfig {
  /** Dispatch limits by urgency, in natural hours. */
  @IsInt() @Min(1) @Max(240) HOTLINE_DISPATCH_HOURS_EMERGENCY: number = 1;
  @IsInt() @Min(1) @Max(240) HOTLINE_DISPATCH_HOURS_UTILITIES: number = 2;
  @IsInt() @Min(1) @Max(240) HOTLINE_DISPATCH_HOURS_GENERAL: number = 24;

  /** Signing-for limit after dispatch, in working hours. */
  @IsInt() @Min(1) @Max(80) HOTLINE_SIGN_WORKING_HOURS: number = 2;

  /** Answer deadlines in working days: consultations and the other types. */
  @IsInt() @Min(1) @Max(60) HOTLINE_ANSWER_DAYS_CONSULTATION: number = 3;
  @IsInt() @Min(1) @Max(60) HOTLINE_ANSWER_DAYS_OTHER: number = 13;

  /** Appeals of the same caller and category within this many days are shown as repeats. */
  @IsInt() @Min(0) @Max(365) HOTLINE_REPEAT_DAYS: number = 30;
}

export const HOTLINE_CONFIG = Symbol('HOTLINE_CONFIG');
