import { Module, type DynamicModule } from '@nestjs/common';
import { PHOTO_JANITOR_SETTINGS, ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import { ExportAuditEntity, TransactionRunner } from '@gridline/persistence';
import { RegistryClient } from '@gridline/contracts-registry';
import { REGISTRY_REFERENCE_ENTITIES, RegistryReferenceModule } from '@gridline/registry-reference';
import { INCIDENTS_CONFIG, type IncidentsConfig } from './incidents.config';
import { DISCUSSION_ENTITIES } from './discussions/discussion.entities';
import { DiscussionsModule } from './discussions/discussions.module';
import { DISPUTE_ENTITIES } from './disputes/dispute.entities';
import { DisputesModule } from './disputes/disputes.module';
import { INCIDENT_ENTITIES } from './incident/incident.entity';
import { IncidentModule } from './incident/incident.module';
import { JointDiscussionEntity } from './joint-discussion/joint-discussion.entity';
import { JointDiscussionModule } from './joint-discussion/joint-discussion.module';
import { INCIDENTS_MIGRATIONS } from './migrations/incidents.migration';
import { IncidentPhotoEntity } from './photos/photo.entity';
import { PhotosModule } from './photos/photos.module';
import { SUPERVISION_SETTINGS, type SupervisionSettings } from './supervision/supervision.scheduler';
import { SupervisionModule } from './supervision/supervision.module';
import { VisitEntity } from './visits/visit.entity';
import { VisitsModule } from './visits/visits.module';

export const INCIDENTS_SERVICE = 'incidents';

/** What the incidents service keeps in its schema (also used by `npm run migrate`). */
export const INCIDENTS_PERSISTENCE = {
  service: INCIDENTS_SERVICE,
  entities: [...INCIDENT_ENTITIES, ...REGISTRY_REFERENCE_ENTITIES, ...DISPUTE_ENTITIES, VisitEntity, JointDiscussionEntity, ...DISCUSSION_ENTITIES, IncidentPhotoEntity, ExportAuditEntity],
  migrations: INCIDENTS_MIGRATIONS,
};

/**
 * The incidents service: the grid case process from report to evaluation, timed and supervised. Its config, the
 * workers' settings, the transaction runner and the registry's client are global to its feature modules.
 */
@Module({})
export class IncidentsAppModule {
  static register(config: IncidentsConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    // The scheduler is a worker like the relay and the consumers: it starts with them (tests tick by hand).
    const supervision: SupervisionSettings = {
      pollMs: config.SUPERVISION_POLL_MS,
      batchSize: config.SUPERVISION_BATCH_SIZE,
      autoStart: (overrides.startWorkers ?? true) && config.SUPERVISION_ENABLED,
    };
    return {
      module: IncidentsAppModule,
      global: true,
      imports: [
        ServiceModule.forRoot({ ...INCIDENTS_PERSISTENCE, config, ...overrides }),
        // The copy of the registry's reference data, filled at boot when empty (as the hotline's).
        RegistryReferenceModule.forService({ autoStart: overrides.startWorkers ?? true, retryMs: 10_000 }),
        IncidentModule,
        DisputesModule,
        JointDiscussionModule,
        DiscussionsModule,
        VisitsModule,
        PhotosModule,
        SupervisionModule,
      ],
      providers: [
        { provide: INCIDENTS_CONFIG, useValue: config },
        TransactionRunner,
        RegistryClient,
        { provide: PHOTO_JANITOR_SETTINGS, useValue: { pollMs: 60_000, batchSize: 100, autoStart: overrides.startWorkers ?? true } },
        { provide: SUPERVISION_SETTINGS, useValue: supervision },
      ],
      exports: [INCIDENTS_CONFIG, TransactionRunner, RegistryClient, PHOTO_JANITOR_SETTINGS, SUPERVISION_SETTINGS],
    };
  }
}
