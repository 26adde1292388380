import { Module } from '@nestjs/common';
import { IncidentModule } from '../incident/incident.module';
import { SupervisionScheduler } from './supervision.scheduler';

/** Supervision (督办) of late cases: the scheduler every replica runs. */
@Module({
  imports: [IncidentModule],
  providers: [SupervisionScheduler],
})
export class SupervisionModule {}
