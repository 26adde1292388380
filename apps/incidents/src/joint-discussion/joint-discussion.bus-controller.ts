import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { INCIDENTS_REQUESTS, IncidentIdRequest, LiftToJointDiscussionRequest } from '@gridline/contracts-incidents';
import { LiftToJointDiscussionCommand } from './use-cases/lift-to-joint-discussion/lift-to-joint-discussion.command';
import { LiftToJointDiscussionUseCase } from './use-cases/lift-to-joint-discussion/lift-to-joint-discussion.use-case';
import { ReadJointDiscussionsCommand } from './use-cases/read-joint-discussions/read-joint-discussions.command';
import { ReadJointDiscussionsUseCase } from './use-cases/read-joint-discussions/read-joint-discussions.use-case';

/** "3+N" joint discussions on the bus. */
@Controller()
export class JointDiscussionBusController {
  constructor(
    private readonly lift: LiftToJointDiscussionUseCase,
    private readonly read: ReadJointDiscussionsUseCase,
  ) {}

  @MessagePattern(INCIDENTS_REQUESTS.liftToJointDiscussion.pattern)
  @Idempotent()
  record(@Payload() { id, ...discussion }: LiftToJointDiscussionRequest, @BusCaller() caller: Caller) {
    return this.lift.execute(new LiftToJointDiscussionCommand(caller, id, discussion));
  }

  @MessagePattern(INCIDENTS_REQUESTS.jointDiscussions.pattern)
  list(@Payload() { id }: IncidentIdRequest, @BusCaller() caller: Caller) {
    return this.read.execute(new ReadJointDiscussionsCommand(caller, id));
  }
}
