import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import type { AnalyticsConfig } from './analytics.config';
import { ANALYTICS_MIGRATIONS } from './migrations/unit-projection.migration';
import { OverviewBusController } from './overview/overview.bus-controller';
import { OverviewRepository } from './overview/overview.repository';
import { GetOverviewUseCase } from './overview/use-cases/get-overview/get-overview.use-case';
import { UnitProjection } from './projection/unit-projection.entity';
import { UnitProjectionSubscriber } from './projection/unit-projection.subscriber';

export const ANALYTICS_SERVICE = 'analytics';

@Module({})
export class AnalyticsAppModule {
  static register(config: AnalyticsConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    return {
      module: AnalyticsAppModule,
      imports: [ServiceModule.forRoot({ service: ANALYTICS_SERVICE, config, entities: [UnitProjection], migrations: ANALYTICS_MIGRATIONS, ...overrides })],
      controllers: [OverviewBusController],
      providers: [UnitProjectionSubscriber, OverviewRepository, GetOverviewUseCase],
    };
  }
}
