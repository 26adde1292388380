import { ServiceConfig } from '@gridline/platform';

/**
 * The registry's configuration: only the variables every service reads (see ServiceConfig).
 * DB_SCHEMA defaults to `registry`.
 */
export class RegistryConfig extends ServiceConfig {}
