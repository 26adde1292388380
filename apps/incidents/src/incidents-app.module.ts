import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import type { IncidentsConfig } from './incidents.config';
import { ServiceInfoBusController } from './service-info/service-info.bus-controller';

export const INCIDENTS_SERVICE = 'incidents';

/** What the incidents service keeps in its schema (also used by `npm run migrate`). */
export const INCIDENTS_PERSISTENCE = { service: INCIDENTS_SERVICE, entities: [], migrations: [] };

/** The incidents service: boots, migrates its schema (the messaging tables so far) and reports healthy. */
@Module({})
export class IncidentsAppModule {
  static register(config: IncidentsConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    return {
      module: IncidentsAppModule,
      imports: [ServiceModule.forRoot({ ...INCIDENTS_PERSISTENCE, config, ...overrides })],
      controllers: [ServiceInfoBusController],
    };
  }
}
