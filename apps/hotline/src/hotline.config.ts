import { ServiceConfig } from '@gridline/platform';

/** The hotline service's configuration: the variables every service reads (ServiceConfig). */
export class HotlineConfig extends ServiceConfig {}
