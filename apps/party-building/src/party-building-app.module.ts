import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import type { PartyBuildingConfig } from './party-building.config';

export const PARTY_BUILDING_SERVICE = 'party-building';

/** What the party-building service keeps in its schema (also used by `npm run migrate`). */
export const PARTY_BUILDING_PERSISTENCE = { service: PARTY_BUILDING_SERVICE, entities: [], migrations: [] };

/** The party-building service: boots, migrates its schema (the messaging tables so far) and reports healthy. */
@Module({})
export class PartyBuildingAppModule {
  static register(config: PartyBuildingConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    return {
      module: PartyBuildingAppModule,
      imports: [ServiceModule.forRoot({ ...PARTY_BUILDING_PERSISTENCE, config, ...overrides })],
    };
  }
}
