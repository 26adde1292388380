import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import { RegistryClient, RegistryRegistersClient } from '@gridline/contracts-registry';
import { INCIDENTS_CONFIG, type IncidentsConfig } from './incidents.config';
import { AppealHandoffSubscriber } from './incident/appeal-handoff.subscriber';
import { IncidentJournal } from './incident/incident-journal';
import { INCIDENT_ENTITIES } from './incident/incident.entity';
import { IncidentRepository } from './incident/incident.repository';
import { IncidentsBusController } from './incident/incidents.bus-controller';
import { ActOnIncidentUseCase } from './incident/use-cases/act-on-incident/act-on-incident.use-case';
import { ReadIncidentsUseCase } from './incident/use-cases/read-incidents/read-incidents.use-case';
import { NoteAppealCallbackUseCase } from './incident/use-cases/note-appeal-callback/note-appeal-callback.use-case';
import { OpenCaseFromAppealUseCase } from './incident/use-cases/open-case-from-appeal/open-case-from-appeal.use-case';
import { WithdrawSupersededCasesUseCase } from './incident/use-cases/withdraw-superseded-cases/withdraw-superseded-cases.use-case';
import { ReportIncidentUseCase } from './incident/use-cases/report-incident/report-incident.use-case';
import { INCIDENTS_MIGRATIONS } from './migrations/incidents.migration';
import { CalendarCopy, CategoryCopy, DepartmentCopy, UnitCopy } from './reference/reference.entities';
import { ReferenceRepository } from './reference/reference.repository';
import { CalendarCopySubscriber, CategoryCopySubscriber, DepartmentCopySubscriber, UnitCopySubscriber } from './reference/reference.subscribers';
import { ServiceInfoBusController } from './service-info/service-info.bus-controller';
import { SUPERVISION_SETTINGS, SupervisionScheduler, type SupervisionSettings } from './supervision/supervision.scheduler';
import { DISPUTE_ENTITIES } from './disputes/dispute.entities';
import { DisputeRepository } from './disputes/dispute.repository';
import { DisputesBusController } from './disputes/disputes.bus-controller';
import { AddDisputePartyUseCase } from './disputes/use-cases/add-dispute-party/add-dispute-party.use-case';
import { AddMediationSessionUseCase } from './disputes/use-cases/add-mediation-session/add-mediation-session.use-case';
import { ReadDisputeUseCase } from './disputes/use-cases/read-dispute/read-dispute.use-case';
import { SetDisputeAgreementUseCase } from './disputes/use-cases/set-dispute-agreement/set-dispute-agreement.use-case';
import { JointDiscussionEntity } from './joint-discussion/joint-discussion.entity';
import { JointDiscussionBusController } from './joint-discussion/joint-discussion.bus-controller';
import { LiftToJointDiscussionUseCase } from './joint-discussion/use-cases/lift-to-joint-discussion/lift-to-joint-discussion.use-case';
import { ReadJointDiscussionsUseCase } from './joint-discussion/use-cases/read-joint-discussions/read-joint-discussions.use-case';
import { VisitEntity } from './visits/visit.entity';
import { VisitRepository } from './visits/visit.repository';
import { VisitsBusController } from './visits/visits.bus-controller';
import { ListVisitsUseCase } from './visits/use-cases/list-visits/list-visits.use-case';
import { LogVisitUseCase } from './visits/use-cases/log-visit/log-visit.use-case';
import { OpenVisitIncidentUseCase } from './visits/use-cases/open-visit-incident/open-visit-incident.use-case';
import { MEDIA_STORE } from '@gridline/media';
import { IncidentPhotoEntity } from './photos/photo.entity';
import { PhotoAttachments } from './photos/photo-attachments';
import { PhotoRepository } from './photos/photo.repository';
import { PHOTO_JANITOR_SETTINGS, PhotoUploadJanitor } from './photos/photo-upload.janitor';
import { PhotosBusController } from './photos/photos.bus-controller';
import { PgMediaStore } from './photos/pg-media-store';
import { AddPhotoChunkUseCase } from './photos/use-cases/add-photo-chunk/add-photo-chunk.use-case';
import { BeginPhotoUploadUseCase } from './photos/use-cases/begin-photo-upload/begin-photo-upload.use-case';
import { CommitPhotoUseCase } from './photos/use-cases/commit-photo/commit-photo.use-case';
import { ReadPhotoUseCase } from './photos/use-cases/read-photo/read-photo.use-case';

export const INCIDENTS_SERVICE = 'incidents';

/** What the incidents service keeps in its schema (also used by `npm run migrate`). */
export const INCIDENTS_PERSISTENCE = {
  service: INCIDENTS_SERVICE,
  entities: [...INCIDENT_ENTITIES, UnitCopy, CategoryCopy, CalendarCopy, DepartmentCopy, ...DISPUTE_ENTITIES, VisitEntity, JointDiscussionEntity, IncidentPhotoEntity],
  migrations: INCIDENTS_MIGRATIONS,
};

/** The incidents service: the grid case process from report to evaluation, timed and supervised. */
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
      imports: [ServiceModule.forRoot({ ...INCIDENTS_PERSISTENCE, config, ...overrides })],
      controllers: [ServiceInfoBusController, IncidentsBusController, DisputesBusController, VisitsBusController, JointDiscussionBusController, PhotosBusController],
      providers: [
        { provide: INCIDENTS_CONFIG, useValue: config },
        RegistryClient,
        RegistryRegistersClient,
        ReferenceRepository,
        UnitCopySubscriber,
        CategoryCopySubscriber,
        CalendarCopySubscriber,
        DepartmentCopySubscriber,
        IncidentRepository,
        IncidentJournal,
        ReportIncidentUseCase,
        OpenCaseFromAppealUseCase,
        NoteAppealCallbackUseCase,
        WithdrawSupersededCasesUseCase,
        AppealHandoffSubscriber,
        ActOnIncidentUseCase,
        ReadIncidentsUseCase,
        DisputeRepository,
        ReadDisputeUseCase,
        AddDisputePartyUseCase,
        AddMediationSessionUseCase,
        SetDisputeAgreementUseCase,
        VisitRepository,
        LogVisitUseCase,
        ListVisitsUseCase,
        OpenVisitIncidentUseCase,
        LiftToJointDiscussionUseCase,
        ReadJointDiscussionsUseCase,
        // The default MediaStore: bytea in this service's schema; an object store would be provided here instead.
        { provide: MEDIA_STORE, useClass: PgMediaStore },
        PhotoRepository,
        PhotoAttachments,
        BeginPhotoUploadUseCase,
        AddPhotoChunkUseCase,
        CommitPhotoUseCase,
        ReadPhotoUseCase,
        { provide: PHOTO_JANITOR_SETTINGS, useValue: { pollMs: 60_000, batchSize: 100, autoStart: overrides.startWorkers ?? true } },
        PhotoUploadJanitor,
        { provide: SUPERVISION_SETTINGS, useValue: supervision },
        SupervisionScheduler,
      ],
    };
  }
}
