/** The services of the platform, with what tools need to know of each. */
import type { ServiceConfig } from '@gridline/platform';
import type { ServiceModuleOptions } from '@gridline/messaging';
import { ANALYTICS_PERSISTENCE, AnalyticsConfig } from '@gridline/app-analytics';
import { HOTLINE_PERSISTENCE, HotlineConfig } from '@gridline/app-hotline';
import { INCIDENTS_PERSISTENCE, IncidentsConfig } from '@gridline/app-incidents';
import { PARTY_BUILDING_PERSISTENCE, PartyBuildingConfig } from '@gridline/app-party-building';
import { REGISTRY_PERSISTENCE, RegistryConfig } from '@gridline/app-registry';

export interface ServiceEntry {
  name: string;
  /** Port of its health/metrics listener under `npm start`. */
  port: number;
  config: new () => ServiceConfig;
  persistence: Pick<ServiceModuleOptions, 'service' | 'entities' | 'migrations'>;
}

export const SERVICES: ServiceEntry[] = [
  { name: 'registry', port: 3101, config: RegistryConfig, persistence: REGISTRY_PERSISTENCE },
  { name: 'incidents', port: 3102, config: IncidentsConfig, persistence: INCIDENTS_PERSISTENCE },
  { name: 'hotline', port: 3103, config: HotlineConfig, persistence: HOTLINE_PERSISTENCE },
  { name: 'party-building', port: 3104, config: PartyBuildingConfig, persistence: PARTY_BUILDING_PERSISTENCE },
  { name: 'analytics', port: 3105, config: AnalyticsConfig, persistence: ANALYTICS_PERSISTENCE },
];
