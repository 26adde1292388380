import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { ServiceConfig, envBoolean } from '@gridline/platform';

/** The incidents service's configuration (with the variables every service reads, see ServiceConfig). */
export class IncidentsConfig extends ServiceConfig {
  /** A late step gets a red card at this multiple of its time limit (1.5 = half the limit again). */
  @IsNumber()
  @Min(1.01)
  @Max(10)
  INCIDENT_RED_CARD_RATIO: number = 1.5;

  /** Open cases of the same category within this distance are shown as possible duplicates on report. */
  @IsInt()
  @Min(0)
  @Max(100000)
  INCIDENT_DUPLICATE_RADIUS_M: number = 200;

  /** … and reported within this many days. */
  @IsInt()
  @Min(0)
  @Max(365)
  INCIDENT_DUPLICATE_DAYS: number = 7;

  /**
   * Separation of duties is on for every street (whoever handled a case neither verifies nor evaluates it) except the
   * streets listed here (comma-separated 9-digit codes). Each case keeps the rule in force when it was reported.
   */
  @IsOptional()
  @Matches(/^\d{9}(,\d{9})*$/, { message: 'SEPARATION_OF_DUTIES_OFF_STREETS must be 9-digit street codes, comma-separated' })
  SEPARATION_OF_DUTIES_OFF_STREETS?: string;

  /** How often the supervision scheduler looks for cases to mark, in milliseconds. */
  @IsInt()
  @Min(50)
  @Max(600000)
  SUPERVISION_POLL_MS: number = 5000;

  /** How many due cases one supervision pass claims (a full batch makes the scheduler go on at once). */
  @IsInt()
  @Min(1)
  @Max(10000)
  SUPERVISION_BATCH_SIZE: number = 100;

  /** Switches the supervision scheduler off in this process (e.g. a replica that only answers requests). */
  @Transform(envBoolean)
  @IsBoolean()
  SUPERVISION_ENABLED: boolean = true;

  /** How long an announced photo upload may take to be committed (minutes); the janitor removes it after. */
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  PHOTO_UPLOAD_TTL_MINUTES: number = 60;
}

export const INCIDENTS_CONFIG = Symbol('INCIDENTS_CONFIG');
