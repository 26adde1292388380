import { ServiceConfig } from '@gridline/platform';

/** Analytics' configuration: the variables every service reads (ServiceConfig). DB_SCHEMA defaults to `analytics`. */
export class AnalyticsConfig extends ServiceConfig {}
