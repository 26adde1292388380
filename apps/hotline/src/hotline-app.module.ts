import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import { ExportAuditEntity, PersonalDataCipher, TransactionRunner, personalDataCipherFrom } from '@gridline/persistence';
import { RegistryClient } from '@gridline/contracts-registry';
import { REGISTRY_REFERENCE_ENTITIES, RegistryReferenceModule, type RegistryReferenceFillSettings } from '@gridline/registry-reference';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { Open311KeyEntity } from './api-keys/open311-key.entity';
import { AppealEntity, AppealTimelineEntity } from './appeal/appeal.entity';
import { AppealModule } from './appeal/appeal.module';
import { CallerAuditEntity } from './appeal/caller-audit.entity';
import { FiguresModule } from './figures/figures.module';
import { FIGURES_SETTINGS, type FiguresSettings } from './figures/owner-figures.publisher';
import { HOTLINE_CONFIG, type HotlineConfig } from './hotline.config';
import { LinkageModule } from './linkage/linkage.module';
import { HOTLINE_MIGRATIONS } from './migrations/hotline.migration';
import { Open311MediaEntity } from './open311/open311-media.entity';
import { Open311UpdateEntity } from './open311/open311-update.entity';
import { Open311Module } from './open311/open311.module';
import { WorkingDeadlines } from './reference/working-deadlines';
import { APPEAL_SUPERVISION_SETTINGS, type AppealSupervisionSettings } from './supervision/appeal-supervision.scheduler';
import { SupervisionCalendar } from './supervision/supervision-calendar';
import { SupervisionModule } from './supervision/supervision.module';

export const HOTLINE_SERVICE = 'hotline';

/** What the hotline service keeps in its schema (also used by `npm run migrate`). */
export const HOTLINE_PERSISTENCE = {
  service: HOTLINE_SERVICE,
  entities: [AppealEntity, AppealTimelineEntity, CallerAuditEntity, Open311KeyEntity, Open311MediaEntity, Open311UpdateEntity, ExportAuditEntity, ...REGISTRY_REFERENCE_ENTITIES],
  migrations: HOTLINE_MIGRATIONS,
};

/**
 * The hotline service: 12345 appeals from intake to callback, linked to the grid, judged by the three rates. One
 * feature module each (appeal, linkage, figures, supervision, open311, api-keys; the copy of the registry is `@gridline/registry-reference`); this module gives them,
 * once, the configuration, the cipher, the transaction runner and the clients that face the registry (its client,
 * the deadlines, the supervision's calendar: what a service test replaces in one place).
 */
@Module({})
export class HotlineAppModule {
  static register(config: HotlineConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    // Built before anything connects, so that bad keys stop the service at once with the variable named.
    const cipher = personalDataCipherFrom(config);
    // The scheduler and the figures publisher are workers like the relay and the consumers: they start with them (tests tick by hand).
    const autoStart = (overrides.startWorkers ?? true) && config.SUPERVISION_ENABLED;
    const supervision: AppealSupervisionSettings = {
      pollMs: config.SUPERVISION_POLL_MS,
      batchSize: config.SUPERVISION_BATCH_SIZE,
      reminderShare: config.HOTLINE_REMINDER_PERCENT / 100,
      autoStart,
    };
    const figures: FiguresSettings = {
      pollMs: config.HOTLINE_FIGURES_POLL_MS,
      batchSize: 100,
      intervalMs: config.HOTLINE_FIGURES_INTERVAL_SECONDS * 1000,
      days: config.HOTLINE_FIGURES_DAYS,
      autoStart,
    };
    const copyFill: RegistryReferenceFillSettings = { autoStart: overrides.startWorkers ?? true, retryMs: 10_000 };
    return {
      module: HotlineAppModule,
      global: true,
      imports: [ServiceModule.forRoot({ ...HOTLINE_PERSISTENCE, config, ...overrides }), RegistryReferenceModule.forService(copyFill), AppealModule, LinkageModule, FiguresModule, SupervisionModule, Open311Module, ApiKeysModule],
      providers: [
        { provide: HOTLINE_CONFIG, useValue: config },
        { provide: PersonalDataCipher, useValue: cipher },
        { provide: FIGURES_SETTINGS, useValue: figures },
        { provide: APPEAL_SUPERVISION_SETTINGS, useValue: supervision },
        TransactionRunner,
        RegistryClient,
        WorkingDeadlines,
        SupervisionCalendar,
      ],
      exports: [HOTLINE_CONFIG, PersonalDataCipher, FIGURES_SETTINGS, APPEAL_SUPERVISION_SETTINGS, TransactionRunner, RegistryClient, WorkingDeadlines, SupervisionCalendar],
    };
  }
}
