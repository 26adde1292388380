import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceModuleOptions } from '@gridline/messaging';
import { RegistryClient } from '@gridline/contracts-registry';
import { INCIDENTS_CONFIG, type IncidentsConfig } from './incidents.config';
import { IncidentJournal } from './incident/incident-journal';
import { INCIDENT_ENTITIES } from './incident/incident.entity';
import { IncidentRepository } from './incident/incident.repository';
import { IncidentsBusController } from './incident/incidents.bus-controller';
import { ActOnIncidentUseCase } from './incident/use-cases/act-on-incident/act-on-incident.use-case';
import { ReadIncidentsUseCase } from './incident/use-cases/read-incidents/read-incidents.use-case';
import { OpenCaseFromAppealUseCase } from './incident/use-cases/open-case-from-appeal/open-case-from-appeal.use-case';
import { ReportIncidentUseCase } from './incident/use-cases/report-incident/report-incident.use-case';
import { INCIDENTS_MIGRATIONS } from './migrations/incidents.migration';
import { CalendarCopy, CategoryCopy, UnitCopy } from './reference/reference.entities';
import { ReferenceRepository } from './reference/reference.repository';
import { CalendarCopySubscriber, CategoryCopySubscriber, UnitCopySubscriber } from './reference/reference.subscribers';
import { ServiceInfoBusController } from './service-info/service-info.bus-controller';

export const INCIDENTS_SERVICE = 'incidents';

/** What the incidents service keeps in its schema (also used by `npm run migrate`). */
export const INCIDENTS_PERSISTENCE = {
  service: INCIDENTS_SERVICE,
  entities: [...INCIDENT_ENTITIES, UnitCopy, CategoryCopy, CalendarCopy],
  migrations: INCIDENTS_MIGRATIONS,
};

/** The incidents service: the grid case process from report to evaluation, timed and supervised. */
@Module({})
export class IncidentsAppModule {
  static register(config: IncidentsConfig, overrides: Partial<ServiceModuleOptions> = {}): DynamicModule {
    return {
      module: IncidentsAppModule,
      imports: [ServiceModule.forRoot({ ...INCIDENTS_PERSISTENCE, config, ...overrides })],
      controllers: [ServiceInfoBusController, IncidentsBusController],
      providers: [
        { provide: INCIDENTS_CONFIG, useValue: config },
        RegistryClient,
        ReferenceRepository,
        UnitCopySubscriber,
        CategoryCopySubscriber,
        CalendarCopySubscriber,
        IncidentRepository,
        IncidentJournal,
        ReportIncidentUseCase,
        OpenCaseFromAppealUseCase,
        ActOnIncidentUseCase,
        ReadIncidentsUseCase,
      ],
    };
  }
}
