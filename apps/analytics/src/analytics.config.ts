import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@gridline/platform';

/** Analytics' configuration: the variables every service reads (ServiceConfig), and its own. DB_SCHEMA defaults to `analytics`. */
export class AnalyticsConfig extends ServiceConfig {
  /**
   * How often the 3+N detector scans the cases and appeals for recurring issues, in milliseconds (default 5 minutes);
   * one replica scans at a time, whichever claims the due scan. 0 switches the detector off (tests scan by hand).
   */
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  CANDIDATE_SCAN_MS: number = 300_000;
}
