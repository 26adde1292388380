import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import type { AnalyticsConfig } from './analytics.config';
import { ANALYTICS_MIGRATIONS } from './migrations/analytics.migrations';
import { QualityProjectionSubscriber } from './projection/quality-projection.subscriber';
import { GetCollectionQualityUseCase } from './overview/use-cases/get-collection-quality/get-collection-quality.use-case';
import { OverviewBusController } from './overview/overview.bus-controller';
import { OverviewRepository } from './overview/overview.repository';
import { GetOverviewUseCase } from './overview/use-cases/get-overview/get-overview.use-case';
import { UnitProjection } from './projection/unit-projection.entity';
import { UnitProjectionSubscriber } from './projection/unit-projection.subscriber';
import { ProjectionRepository } from './projection/projection.repository';
import { HotlineFiguresProjectionSubscriber } from './projection/hotline-figures-projection.subscriber';
import { HotlineFiguresBusController } from './hotline/hotline-figures.bus-controller';
import { HotlineFiguresRepository } from './hotline/hotline-figures.repository';
import { GetHotlineFiguresUseCase } from './hotline/use-cases/get-hotline-figures/get-hotline-figures.use-case';

export const ANALYTICS_SERVICE = 'analytics';

/** What the analytics service keeps in its schema (also used by `npm run migrate`). */
export const ANALYTICS_PERSISTENCE = { service: ANALYTICS_SERVICE, entities: [UnitProjection], migrations: ANALYTICS_MIGRATIONS };

@Module({})
export class AnalyticsAppModule {
  static register(config: AnalyticsConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    return {
      module: AnalyticsAppModule,
      imports: [ServiceModule.forRoot({ ...ANALYTICS_PERSISTENCE, config, ...overrides })],
      controllers: [OverviewBusController, HotlineFiguresBusController],
      providers: [
        ProjectionRepository,
        UnitProjectionSubscriber,
        QualityProjectionSubscriber,
        HotlineFiguresProjectionSubscriber,
        OverviewRepository,
        GetOverviewUseCase,
        GetCollectionQualityUseCase,
        HotlineFiguresRepository,
        GetHotlineFiguresUseCase,
      ],
    };
  }
}
