import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import type { HotlineConfig } from './hotline.config';
import { ServiceInfoBusController } from './service-info/service-info.bus-controller';

export const HOTLINE_SERVICE = 'hotline';

/** The hotline service: boots, migrates its schema (the messaging tables so far) and reports healthy. */
@Module({})
export class HotlineAppModule {
  static register(config: HotlineConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    return {
      module: HotlineAppModule,
      imports: [ServiceModule.forRoot({ service: HOTLINE_SERVICE, config, entities: [], migrations: [], ...overrides })],
      controllers: [ServiceInfoBusController],
    };
  }
}
