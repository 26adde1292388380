import { PersonalDataServiceConfig } from '@gridline/persistence';

/**
 * The party-building service's configuration: personal-data keys (members' ID numbers and phones) and the variables
 * every service reads (ServiceConfig).
 */
export class PartyBuildingConfig extends PersonalDataServiceConfig {}
