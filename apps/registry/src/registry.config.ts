import { IsInt, Max, Min } from 'class-validator';
import { PersonalDataServiceConfig } from '@gridline/persistence';

/**
 * The registry's configuration: the variables every service reads (ServiceConfig; DB_SCHEMA defaults to
 * `registry`) and the keys that protect personal data (PERSONAL_DATA_KEYS, _ACTIVE_KEY, _INDEX_KEY).
 */
export class RegistryConfig extends PersonalDataServiceConfig {
  /**
   * Rejected rows an import report lists (the first ones; `rejected` counts them all). The report travels in one NATS
   * message (1 MB at most), so it stays well below that.
   */
  @IsInt()
  @Min(0)
  @Max(5000)
  IMPORT_REPORT_MAX_REJECTIONS: number = 1000;
}
