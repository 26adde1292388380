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

  /**
   * How long a request's reads (figures, hot spots, trends, rankings, workload, reports, exports …) may run, in
   * milliseconds: each statement's `statement_timeout`, and the whole read's (`BoundedReads`). Default 5000, the
   * gateway's REQUEST_TIMEOUT_MS default: once the gateway has given up, the statements stop too. Keep it at or
   * below the gateway's; 0 switches the bound off.
   */
  @IsInt()
  @Min(0)
  @Max(120_000)
  ANALYTICS_STATEMENT_TIMEOUT_MS: number = 5000;
}
