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

export const INCIDENTS_SERVICE = 'incidents';

/** What the incidents service keeps in its schema (also used by `npm run migrate`). */
export const INCIDENTS_PERSISTENCE = {
  service: INCIDENTS_SERVICE,
  entities: [...INCIDENT_ENTITIES, UnitCopy, CategoryCopy, CalendarCopy, DepartmentCopy, ...DISPUTE_ENTITIES, VisitEntity, JointDiscussionEntity],
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
      controllers: [ServiceInfoBusController, IncidentsBusController, DisputesBusController, VisitsBusController, JointDiscussionBusController],
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
        { provide: SUPERVISION_SETTINGS, useValue: supervision },
        SupervisionScheduler,
      ],
    };
  }
}
