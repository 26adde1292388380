import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard, JwtVerifier, parseDurationSeconds } from '@gridline/auth';
import { HealthModule, MetricsModule } from '@gridline/platform';
import { BusModule, NatsReadinessCheck } from '@gridline/messaging';
import { RegistryClient, RegistryPeopleClient, RegistryRegistersClient } from '@gridline/contracts-registry';
import { CsvImporter, IMPORT_LIMITS, type ImportLimits } from './registers/csv-importer';
import { ImportsController } from './registers/imports.controller';
import { RegistersController } from './registers/registers.controller';
import { AnalyticsClient, CandidatesClient } from '@gridline/contracts-analytics';
import { DiscussionsClient, DisputesClient, IncidentsClient, JointDiscussionClient, PhotosClient, VisitsClient } from '@gridline/contracts-incidents';
import { HotlineClient } from '@gridline/contracts-hotline';
import { HotlineController } from './hotline/hotline.controller';
import { IncidentsController } from './incidents/incidents.controller';
import { DisputesController } from './incidents/disputes.controller';
import { JointDiscussionController } from './incidents/joint-discussion.controller';
import { DiscussionsController } from './incidents/discussions.controller';
import { VisitsController } from './incidents/visits.controller';
import { AnalyticsController } from './analytics/analytics.controller';
import { RankingsController } from './analytics/rankings.controller';
import { CandidatesController } from './analytics/candidates.controller';
import { partTimeoutMs, type GatewayConfig } from './gateway.config';
import { PART_TIMEOUT_MS, PartAsker } from './http/parts';
import { OverviewController } from './overview/overview.controller';
import { ReadUnitOverviewUseCase } from './overview/use-cases/read-unit-overview/read-unit-overview.use-case';
import { EXPORT_LIMITS, type ExportLimits } from './http/exports/list-export';
import { RequestContextInterceptor } from './http/request-context.interceptor';
import { PeopleController } from './people/people.controller';
import { ResponsibilityController } from './responsibility/responsibility.controller';
import { UnitsController } from './units/units.controller';
import { PublicGridController } from './public/public-grid.controller';
import { Open311Module } from './open311/open311.module';
import { PartyModule } from './party/party.module';
import { DEMO_SIGN_IN, DemoUsersController, demoSignInFrom } from './dev/demo-users.controller';
import { CONSOLE_CONFIG, ConsoleConfigController, consoleConfigFrom } from './console/console-config.controller';
import { MeController } from './me/me.controller';
import { PhotosController } from './incidents/photos/photos.controller';
import { ReadPhotoUseCase } from './incidents/photos/use-cases/read-photo/read-photo.use-case';
import { UploadPhotosUseCase } from './incidents/photos/use-cases/upload-photos/upload-photos.use-case';

export const GATEWAY = 'gateway';

@Module({})
export class GatewayAppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [MetricsModule.forService(GATEWAY), BusModule.forRoot(GATEWAY, config), HealthModule.forChecks([NatsReadinessCheck]), Open311Module.register(config), PartyModule],
      controllers: [UnitsController, ResponsibilityController, RegistersController, ImportsController, AnalyticsController, RankingsController, CandidatesController, PeopleController, IncidentsController, HotlineController, DisputesController, VisitsController, JointDiscussionController, DiscussionsController, PublicGridController, PhotosController, OverviewController, DemoUsersController, ConsoleConfigController, MeController],
      providers: [
        {
          provide: JwtVerifier,
          useFactory: () =>
            new JwtVerifier({
              issuer: config.JWT_ISSUER,
              audience: config.JWT_AUDIENCE,
              secret: config.JWT_SECRET,
              jwksUrl: config.JWKS_URL,
              maxLifetimeSeconds: parseDurationSeconds(config.JWT_MAX_LIFETIME),
            }),
        },
        { provide: DEMO_SIGN_IN, useValue: demoSignInFrom(config) },
        { provide: CONSOLE_CONFIG, useValue: consoleConfigFrom(config, demoSignInFrom(config)) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        RegistryClient,
        RegistryRegistersClient,
        CsvImporter,
        {
          provide: IMPORT_LIMITS,
          useValue: { maxBytes: config.IMPORT_MAX_BYTES, maxRows: config.IMPORT_MAX_ROWS, maxRecordSize: config.IMPORT_MAX_RECORD_SIZE } satisfies ImportLimits,
        },
        { provide: EXPORT_LIMITS, useValue: { maxRows: config.EXPORT_MAX_ROWS } satisfies ExportLimits },
        RegistryPeopleClient,
        AnalyticsClient,
        CandidatesClient,
        IncidentsClient,
        HotlineClient,
        DisputesClient,
        VisitsClient,
        JointDiscussionClient,
        DiscussionsClient,
        PhotosClient,
        UploadPhotosUseCase,
        ReadPhotoUseCase,
        { provide: PART_TIMEOUT_MS, useValue: partTimeoutMs(config) },
        PartAsker,
        ReadUnitOverviewUseCase,
      ],
    };
  }
}
