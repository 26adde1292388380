import { Module } from '@nestjs/common';
import { AppealModule } from '../appeal/appeal.module';
import { AppealSupervisionScheduler } from './appeal-supervision.scheduler';

/** Supervision (督办): reminders and overdue marks (settings and calendar from the app module). */
@Module({
  imports: [AppealModule],
  providers: [AppealSupervisionScheduler],
})
export class SupervisionModule {}
