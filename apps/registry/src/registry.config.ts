import { PersonalDataServiceConfig } from '@gridline/persistence';

/**
 * The registry's configuration: the variables every service reads (ServiceConfig; DB_SCHEMA defaults to
 * `registry`) and the keys that protect personal data (PERSONAL_DATA_KEYS, _ACTIVE_KEY, _INDEX_KEY).
 */
export class RegistryConfig extends PersonalDataServiceConfig {}
