import { ServiceConfig } from '@gridline/platform';

/** The incidents service's configuration: the variables every service reads (ServiceConfig). */
export class IncidentsConfig extends ServiceConfig {}
