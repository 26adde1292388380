import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import type { HotlineConfig } from './hotline.config';
import { ServiceInfoBusController } from './service-info/service-info.bus-controller';

export const HOTLINE_SERVICE = 'hotline';

/** What the hotline service keeps in its schema (also used by `npm run migrate`). */
export const HOTLINE_PERSISTENCE = { service: HOTLINE_SERVICE, entities: [], migrations: [] };

/** The hotline service: boots, migrates its schema (the messaging tables so far) and reports healthy. */
@Module({})
export class HotlineAppModule {
  static register(config: HotlineConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    return {
      module: HotlineAppModule,
      imports: [ServiceModule.forRoot({ ...HOTLINE_PERSISTENCE, config, ...overrides })],
      controllers: [ServiceInfoBusController],
    };
  }
}
