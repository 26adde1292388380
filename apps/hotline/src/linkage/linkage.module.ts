import { Module } from '@nestjs/common';
import { AppealModule } from '../appeal/appeal.module';
import { HandoffFailureSubscriber, IncidentLinkageSubscriber } from './incident-linkage.subscriber';

/** The grid linkage back from incidents: the cases of the appeals' hand-offs, and hand-offs refused. */
@Module({
  imports: [AppealModule],
  providers: [IncidentLinkageSubscriber, HandoffFailureSubscriber],
})
export class LinkageModule {}
