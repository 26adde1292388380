import { Module } from '@nestjs/common';
import { JointDiscussionModule } from '../joint-discussion/joint-discussion.module';
import { CandidateLiftSubscriber } from './candidate-lift.subscriber';
import { DiscussionTaskScheduler } from './discussion-task.scheduler';
import { DiscussionVisibility } from './discussion-visibility';
import { DiscussionRepository } from './discussion.repository';
import { DiscussionsBusController } from './discussions.bus-controller';
import { CloseDiscussionUseCase } from './use-cases/close-discussion/close-discussion.use-case';
import { CompleteDiscussionTaskUseCase } from './use-cases/complete-discussion-task/complete-discussion-task.use-case';
import { GetDiscussionUseCase } from './use-cases/get-discussion/get-discussion.use-case';
import { ListDiscussionTasksUseCase } from './use-cases/list-discussion-tasks/list-discussion-tasks.use-case';
import { ListDiscussionsUseCase } from './use-cases/list-discussions/list-discussions.use-case';
import { OpenCandidateDiscussionUseCase } from './use-cases/open-candidate-discussion/open-candidate-discussion.use-case';
import { RecordDiscussionMeetingUseCase } from './use-cases/record-discussion-meeting/record-discussion-meeting.use-case';
import { RecordOpenFailureUseCase } from './use-cases/record-open-failure/record-open-failure.use-case';

/** 3+N candidate discussions (未诉先办): opened from analytics' lifted candidates, their meetings' tasks followed to closure. */
@Module({
  imports: [JointDiscussionModule],
  controllers: [DiscussionsBusController],
  providers: [
    DiscussionRepository,
    DiscussionVisibility,
    CandidateLiftSubscriber,
    DiscussionTaskScheduler,
    OpenCandidateDiscussionUseCase,
    RecordOpenFailureUseCase,
    RecordDiscussionMeetingUseCase,
    CloseDiscussionUseCase,
    GetDiscussionUseCase,
    ListDiscussionsUseCase,
    ListDiscussionTasksUseCase,
    CompleteDiscussionTaskUseCase,
  ],
})
export class DiscussionsModule {}
