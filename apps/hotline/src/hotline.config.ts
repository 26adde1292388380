import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { envBoolean } from '@gridline/platform';
import { PersonalDataServiceConfig } from '@gridline/persistence';

/** The hotline's configuration: personal-data keys (callers' names and phones), the service variables, and limits. */
export class HotlineConfig extends PersonalDataServiceConfig {
  /** Dispatch limits by urgency, in natural hours. */
  @IsInt() @Min(1) @Max(240) HOTLINE_DISPATCH_HOURS_EMERGENCY: number = 1;
  @IsInt() @Min(1) @Max(240) HOTLINE_DISPATCH_HOURS_UTILITIES: number = 2;
  @IsInt() @Min(1) @Max(240) HOTLINE_DISPATCH_HOURS_GENERAL: number = 24;

  /** Signing-for limit after dispatch, in working hours. */
  @IsInt() @Min(1) @Max(80) HOTLINE_SIGN_WORKING_HOURS: number = 2;

  /** The owner's first contact with the caller, after dispatch, in working hours. */
  @IsInt() @Min(1) @Max(80) HOTLINE_CONTACT_WORKING_HOURS: number = 4;

  /** Answer deadlines in working days: consultations and the other types. */
  @IsInt() @Min(1) @Max(60) HOTLINE_ANSWER_DAYS_CONSULTATION: number = 3;
  @IsInt() @Min(1) @Max(60) HOTLINE_ANSWER_DAYS_OTHER: number = 13;

  /** Appeals of the same caller and category within this many days are shown as repeats. */
  @IsInt() @Min(0) @Max(365) HOTLINE_REPEAT_DAYS: number = 30;

  /** The reminder before the answer deadline, at this share (in percent) of the time from dispatch to the deadline. */
  @IsInt() @Min(1) @Max(99) HOTLINE_REMINDER_PERCENT: number = 80;

  /** How often the supervision scheduler looks for appeals to remind of or mark overdue, in milliseconds. */
  @IsInt() @Min(50) @Max(600000) SUPERVISION_POLL_MS: number = 5000;

  /** How many appeals one supervision pass claims (a full batch makes the scheduler go on at once). */
  @IsInt() @Min(1) @Max(10000) SUPERVISION_BATCH_SIZE: number = 100;

  /** Switches the supervision scheduler (and the figures it publishes) off in this process. */
  @Transform(envBoolean) @IsBoolean() SUPERVISION_ENABLED: boolean = true;

  /** An owner's figures go out at most this often, in seconds (an hour), when its appeals changed; at least daily. */
  @IsInt() @Min(1) @Max(86400) HOTLINE_FIGURES_INTERVAL_SECONDS: number = 3600;

  /** How often the figures publisher looks for owners due, in milliseconds. */
  @IsInt() @Min(50) @Max(3600000) HOTLINE_FIGURES_POLL_MS: number = 60000;

  /** The period the published figures cover: the last this many days, by reception. */
  @IsInt() @Min(1) @Max(365) HOTLINE_FIGURES_DAYS: number = 30;
}

export const HOTLINE_CONFIG = Symbol('HOTLINE_CONFIG');
