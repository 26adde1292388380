import { Module } from '@nestjs/common';
import { IncidentModule } from '../incident/incident.module';
import { JointDiscussionBusController } from './joint-discussion.bus-controller';
import { JointDiscussionRepository } from './joint-discussion.repository';
import { MeetingOwners } from './meeting-owners';
import { LiftToJointDiscussionUseCase } from './use-cases/lift-to-joint-discussion/lift-to-joint-discussion.use-case';
import { ReadJointDiscussionsUseCase } from './use-cases/read-joint-discussions/read-joint-discussions.use-case';

/** "3+N" joint discussions (3+N 分析研判) of hard cases. */
@Module({
  imports: [IncidentModule],
  controllers: [JointDiscussionBusController],
  providers: [JointDiscussionRepository, MeetingOwners, LiftToJointDiscussionUseCase, ReadJointDiscussionsUseCase],
  exports: [MeetingOwners],
})
export class JointDiscussionModule {}
