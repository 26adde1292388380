import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import { PersonalDataCipher, personalDataCipherFrom } from '@gridline/persistence';
import { RegistryClient } from '@gridline/contracts-registry';
import { AppealJournal } from './appeal/appeal-journal';
import { AppealEntity, AppealTimelineEntity } from './appeal/appeal.entity';
import { HotlineBusController } from './appeal/hotline.bus-controller';
import { ActOnAppealUseCase } from './appeal/use-cases/act-on-appeal/act-on-appeal.use-case';
import { IntakeAppealUseCase } from './appeal/use-cases/intake-appeal/intake-appeal.use-case';
import { ReadAppealsUseCase } from './appeal/use-cases/read-appeals/read-appeals.use-case';
import { HOTLINE_CONFIG, type HotlineConfig } from './hotline.config';
import { HandoffFailureSubscriber, IncidentLinkageSubscriber } from './linkage/incident-linkage.subscriber';
import { HOTLINE_MIGRATIONS } from './migrations/hotline.migration';
import { ReferenceNames } from './reference/reference-names';
import { CalendarYearCopyEntity, RegistryCopyEntity } from './reference/registry-copy.entity';
import { RegistryCopyRepository } from './reference/registry-copy.repository';
import { RegistryCopySubscriber } from './reference/registry-copy.subscriber';
import { REGISTRY_COPY_FILL, RegistryReference, type RegistryCopyFillSettings } from './reference/registry-reference';
import { WorkingDeadlines } from './reference/working-deadlines';
import { CallerAuditEntity } from './appeal/caller-audit.entity';
import { CallerAuditRepository } from './appeal/caller-audit.repository';
import { ListCallerAuditUseCase } from './appeal/use-cases/list-caller-audit/list-caller-audit.use-case';
import { RevealAppealCallerUseCase } from './appeal/use-cases/reveal-appeal-caller/reveal-appeal-caller.use-case';
import { ServiceInfoBusController } from './service-info/service-info.bus-controller';
import { FIGURES_SETTINGS, OwnerFiguresPublisher, type FiguresSettings } from './figures/owner-figures.publisher';
import { SupervisionCalendar } from './supervision/supervision-calendar';
import { APPEAL_SUPERVISION_SETTINGS, AppealSupervisionScheduler, type AppealSupervisionSettings } from './supervision/appeal-supervision.scheduler';
import { Open311KeyEntity } from './api-keys/open311-key.entity';
import { Open311KeyRepository } from './api-keys/open311-key.repository';
import { Open311KeysBusController } from './api-keys/open311-keys.bus-controller';
import { IssueOpen311KeyUseCase } from './api-keys/use-cases/issue-open311-key/issue-open311-key.use-case';
import { VerifyOpen311KeyUseCase } from './api-keys/use-cases/verify-open311-key/verify-open311-key.use-case';
import { Open311MediaEntity } from './open311/open311-media.entity';
import { Open311BusController } from './open311/open311.bus-controller';
import { ListPublicAppealsUseCase } from './open311/use-cases/list-public-appeals/list-public-appeals.use-case';
import { RecordOpen311MediaUseCase } from './open311/use-cases/record-open311-media/record-open311-media.use-case';
import { Open311UpdateEntity } from './open311/open311-update.entity';
import { ListPublicAppealUpdatesUseCase } from './open311/use-cases/list-public-appeal-updates/list-public-appeal-updates.use-case';
import { RecordOpen311UpdateUseCase } from './open311/use-cases/record-open311-update/record-open311-update.use-case';

export const HOTLINE_SERVICE = 'hotline';

/** What the hotline service keeps in its schema (also used by `npm run migrate`). */
export const HOTLINE_PERSISTENCE = { service: HOTLINE_SERVICE, entities: [AppealEntity, AppealTimelineEntity, CallerAuditEntity, Open311KeyEntity, Open311MediaEntity, Open311UpdateEntity, RegistryCopyEntity, CalendarYearCopyEntity], migrations: HOTLINE_MIGRATIONS };

/** The hotline service: 12345 appeals from intake to callback, linked to the grid, judged by the three rates. */
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
    const copyFill: RegistryCopyFillSettings = { autoStart: overrides.startWorkers ?? true, retryMs: 10_000 };
    return {
      module: HotlineAppModule,
      imports: [ServiceModule.forRoot({ ...HOTLINE_PERSISTENCE, config, ...overrides })],
      controllers: [ServiceInfoBusController, HotlineBusController, Open311KeysBusController, Open311BusController],
      providers: [
        { provide: HOTLINE_CONFIG, useValue: config },
        { provide: PersonalDataCipher, useValue: cipher },
        RegistryClient,
        RegistryCopyRepository,
        RegistryCopySubscriber,
        { provide: REGISTRY_COPY_FILL, useValue: copyFill },
        RegistryReference,
        WorkingDeadlines,
        ReferenceNames,
        AppealJournal,
        IntakeAppealUseCase,
        ActOnAppealUseCase,
        ReadAppealsUseCase,
        CallerAuditRepository,
        RevealAppealCallerUseCase,
        ListCallerAuditUseCase,
        IncidentLinkageSubscriber,
        HandoffFailureSubscriber,
        { provide: FIGURES_SETTINGS, useValue: figures },
        OwnerFiguresPublisher,
        { provide: APPEAL_SUPERVISION_SETTINGS, useValue: supervision },
        AppealSupervisionScheduler,
        SupervisionCalendar,
        Open311KeyRepository,
        IssueOpen311KeyUseCase,
        VerifyOpen311KeyUseCase,
        ListPublicAppealsUseCase,
        RecordOpen311MediaUseCase,
        ListPublicAppealUpdatesUseCase,
        RecordOpen311UpdateUseCase,
      ],
    };
  }
}
