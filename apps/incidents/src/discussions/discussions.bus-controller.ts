import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  CloseDiscussionRequest,
  CompleteDiscussionTaskRequest,
  DiscussionIdRequest,
  INCIDENTS_REQUESTS,
  ListDiscussionTasksQuery,
  ListDiscussionsQuery,
  RecordDiscussionMeetingRequest,
} from '@gridline/contracts-incidents';
import { CloseDiscussionCommand } from './use-cases/close-discussion/close-discussion.command';
import { CloseDiscussionUseCase } from './use-cases/close-discussion/close-discussion.use-case';
import { CompleteDiscussionTaskCommand } from './use-cases/complete-discussion-task/complete-discussion-task.command';
import { CompleteDiscussionTaskUseCase } from './use-cases/complete-discussion-task/complete-discussion-task.use-case';
import { GetDiscussionCommand } from './use-cases/get-discussion/get-discussion.command';
import { GetDiscussionUseCase } from './use-cases/get-discussion/get-discussion.use-case';
import { ListDiscussionTasksCommand } from './use-cases/list-discussion-tasks/list-discussion-tasks.command';
import { ListDiscussionTasksUseCase } from './use-cases/list-discussion-tasks/list-discussion-tasks.use-case';
import { ListDiscussionsCommand } from './use-cases/list-discussions/list-discussions.command';
import { ListDiscussionsUseCase } from './use-cases/list-discussions/list-discussions.use-case';
import { RecordDiscussionMeetingCommand } from './use-cases/record-discussion-meeting/record-discussion-meeting.command';
import { RecordDiscussionMeetingUseCase } from './use-cases/record-discussion-meeting/record-discussion-meeting.use-case';

/** 3+N candidate discussions and their tasks on the bus. */
@Controller()
export class DiscussionsBusController {
  constructor(
    private readonly listDiscussions: ListDiscussionsUseCase,
    private readonly getDiscussion: GetDiscussionUseCase,
    private readonly recordMeeting: RecordDiscussionMeetingUseCase,
    private readonly closeDiscussion: CloseDiscussionUseCase,
    private readonly listTasks: ListDiscussionTasksUseCase,
    private readonly completeTask: CompleteDiscussionTaskUseCase,
  ) {}

  @MessagePattern(INCIDENTS_REQUESTS.listDiscussions.pattern)
  list(@Payload() query: ListDiscussionsQuery, @BusCaller() caller: Caller) {
    return this.listDiscussions.execute(new ListDiscussionsCommand(caller, query));
  }

  @MessagePattern(INCIDENTS_REQUESTS.getDiscussion.pattern)
  get(@Payload() { id }: DiscussionIdRequest, @BusCaller() caller: Caller) {
    return this.getDiscussion.execute(new GetDiscussionCommand(caller, id));
  }

  @MessagePattern(INCIDENTS_REQUESTS.recordDiscussionMeeting.pattern)
  @Idempotent()
  meeting(@Payload() { id, ...meeting }: RecordDiscussionMeetingRequest, @BusCaller() caller: Caller) {
    return this.recordMeeting.execute(new RecordDiscussionMeetingCommand(caller, id, meeting));
  }

  @MessagePattern(INCIDENTS_REQUESTS.closeDiscussion.pattern)
  @Idempotent()
  close(@Payload() { id, note }: CloseDiscussionRequest, @BusCaller() caller: Caller) {
    return this.closeDiscussion.execute(new CloseDiscussionCommand(caller, id, note));
  }

  @MessagePattern(INCIDENTS_REQUESTS.listDiscussionTasks.pattern)
  tasks(@Payload() query: ListDiscussionTasksQuery, @BusCaller() caller: Caller) {
    return this.listTasks.execute(new ListDiscussionTasksCommand(caller, query));
  }

  @MessagePattern(INCIDENTS_REQUESTS.completeDiscussionTask.pattern)
  @Idempotent()
  complete(@Payload() { id, result }: CompleteDiscussionTaskRequest, @BusCaller() caller: Caller) {
    return this.completeTask.execute(new CompleteDiscussionTaskCommand(caller, id, result));
  }
}
