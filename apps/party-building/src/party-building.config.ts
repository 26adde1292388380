import { ServiceConfig } from '@gridline/platform';

/** The party-building service's configuration: the variables every service reads (ServiceConfig). */
export class PartyBuildingConfig extends ServiceConfig {}
