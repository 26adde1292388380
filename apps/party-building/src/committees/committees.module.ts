import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CommitteeRepository } from './committee.repository';
import { CommitteesBusController } from './committees.bus-controller';
import { TaskOwners } from './task-owners';
import { AddMemberUnitUseCase } from './use-cases/add-member-unit/add-member-unit.use-case';
import { CreateCommitteeUseCase } from './use-cases/create-committee/create-committee.use-case';
import { GetCommitteeUseCase } from './use-cases/get-committee/get-committee.use-case';
import { ListCommitteesUseCase } from './use-cases/list-committees/list-committees.use-case';
import { ListMeetingsUseCase } from './use-cases/list-meetings/list-meetings.use-case';
import { ListTasksUseCase } from './use-cases/list-tasks/list-tasks.use-case';
import { OpenResolutionCaseUseCase } from './use-cases/open-resolution-case/open-resolution-case.use-case';
import { RecordMeetingUseCase } from './use-cases/record-meeting/record-meeting.use-case';
import { UpdateMemberUnitUseCase } from './use-cases/update-member-unit/update-member-unit.use-case';
import { UpdateTaskUseCase } from './use-cases/update-task/update-task.use-case';

/** Exclusive-grid work committees (专属网格工作委员会): member units, meetings, resolutions and the tasks or grid cases they become. */
@Module({
  imports: [OrganisationsModule, CasesModule],
  controllers: [CommitteesBusController],
  providers: [
    CommitteeRepository,
    TaskOwners,
    CreateCommitteeUseCase,
    GetCommitteeUseCase,
    ListCommitteesUseCase,
    AddMemberUnitUseCase,
    UpdateMemberUnitUseCase,
    RecordMeetingUseCase,
    ListMeetingsUseCase,
    ListTasksUseCase,
    UpdateTaskUseCase,
    OpenResolutionCaseUseCase,
  ],
})
export class CommitteesModule {}
