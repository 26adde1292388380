import { Module } from '@nestjs/common';
import { RegistryRegistersClient } from '@gridline/contracts-registry';
import { IncidentModule } from '../incident/incident.module';
import { VisitRepository } from './visit.repository';
import { VisitsBusController } from './visits.bus-controller';
import { ListVisitsUseCase } from './use-cases/list-visits/list-visits.use-case';
import { LogVisitUseCase } from './use-cases/log-visit/log-visit.use-case';
import { OpenVisitIncidentUseCase } from './use-cases/open-visit-incident/open-visit-incident.use-case';

/** Household visits (走访) and the cases they open. */
@Module({
  imports: [IncidentModule],
  controllers: [VisitsBusController],
  providers: [RegistryRegistersClient, VisitRepository, LogVisitUseCase, ListVisitsUseCase, OpenVisitIncidentUseCase],
})
export class VisitsModule {}
