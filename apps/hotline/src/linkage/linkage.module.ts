import { Module } from '@nestjs/common';
import { AppealModule } from '../appeal/appeal.module';
import { HandoffFailureSubscriber, IncidentLinkageSubscriber } from './incident-linkage.subscriber';
import { FollowGridCaseUseCase } from './use-cases/follow-grid-case/follow-grid-case.use-case';
import { RecordHandoffFailureUseCase } from './use-cases/record-handoff-failure/record-handoff-failure.use-case';

/** The grid linkage back from incidents: the cases of the appeals' hand-offs, and hand-offs refused. */
@Module({
  imports: [AppealModule],
  providers: [FollowGridCaseUseCase, RecordHandoffFailureUseCase, IncidentLinkageSubscriber, HandoffFailureSubscriber],
})
export class LinkageModule {}
