import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import type { AnalyticsConfig } from './analytics.config';
import { HotlineFiguresModule } from './hotline/hotline-figures.module';
import { ANALYTICS_MIGRATIONS } from './migrations/analytics.migrations';
import { OverviewModule } from './overview/overview.module';
import { PartyFiguresModule } from './party/party-figures.module';
import { ProjectionModule } from './projection/projection.module';
import { UnitProjection } from './projection/unit-projection.entity';

export const ANALYTICS_SERVICE = 'analytics';

/** What the analytics service keeps in its schema (also used by `npm run migrate`). */
export const ANALYTICS_PERSISTENCE = { service: ANALYTICS_SERVICE, entities: [UnitProjection], migrations: ANALYTICS_MIGRATIONS };

/** The analytics service: one feature module per area (projections, overview, hotline figures, party figures). */
@Module({})
export class AnalyticsAppModule {
  static register(config: AnalyticsConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    return {
      module: AnalyticsAppModule,
      imports: [ServiceModule.forRoot({ ...ANALYTICS_PERSISTENCE, config, ...overrides }), ProjectionModule, OverviewModule, HotlineFiguresModule, PartyFiguresModule],
    };
  }
}
