import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  AddMemberUnitRequest,
  CommitteeIdRequest,
  CreateCommitteeRequest,
  ListCommitteesQuery as ListCommitteesRequest,
  ListTasksRequest,
  OpenResolutionCaseRequest,
  PARTY_BUILDING_REQUESTS,
  RecordMeetingRequest,
  UpdateMemberUnitRequest,
  UpdateTaskRequest,
} from '@gridline/contracts-party-building';
import { AddMemberUnitCommand } from './use-cases/add-member-unit/add-member-unit.command';
import { AddMemberUnitUseCase } from './use-cases/add-member-unit/add-member-unit.use-case';
import { CreateCommitteeCommand } from './use-cases/create-committee/create-committee.command';
import { CreateCommitteeUseCase } from './use-cases/create-committee/create-committee.use-case';
import { GetCommitteeQuery } from './use-cases/get-committee/get-committee.query';
import { GetCommitteeUseCase } from './use-cases/get-committee/get-committee.use-case';
import { ListCommitteesQuery } from './use-cases/list-committees/list-committees.query';
import { ListCommitteesUseCase } from './use-cases/list-committees/list-committees.use-case';
import { ListMeetingsQuery } from './use-cases/list-meetings/list-meetings.query';
import { ListMeetingsUseCase } from './use-cases/list-meetings/list-meetings.use-case';
import { ListTasksQuery } from './use-cases/list-tasks/list-tasks.query';
import { ListTasksUseCase } from './use-cases/list-tasks/list-tasks.use-case';
import { OpenResolutionCaseCommand } from './use-cases/open-resolution-case/open-resolution-case.command';
import { OpenResolutionCaseUseCase } from './use-cases/open-resolution-case/open-resolution-case.use-case';
import { RecordMeetingCommand } from './use-cases/record-meeting/record-meeting.command';
import { RecordMeetingUseCase } from './use-cases/record-meeting/record-meeting.use-case';
import { UpdateMemberUnitCommand } from './use-cases/update-member-unit/update-member-unit.command';
import { UpdateMemberUnitUseCase } from './use-cases/update-member-unit/update-member-unit.use-case';
import { UpdateTaskCommand } from './use-cases/update-task/update-task.command';
import { UpdateTaskUseCase } from './use-cases/update-task/update-task.use-case';

/** Exclusive-grid work committees on the bus. */
@Controller()
export class CommitteesBusController {
  constructor(
    private readonly createCommittee: CreateCommitteeUseCase,
    private readonly getCommittee: GetCommitteeUseCase,
    private readonly listCommittees: ListCommitteesUseCase,
    private readonly addMemberUnit: AddMemberUnitUseCase,
    private readonly updateMemberUnit: UpdateMemberUnitUseCase,
    private readonly recordMeeting: RecordMeetingUseCase,
    private readonly listMeetings: ListMeetingsUseCase,
    private readonly listTasks: ListTasksUseCase,
    private readonly updateTask: UpdateTaskUseCase,
    private readonly openResolutionCase: OpenResolutionCaseUseCase,
  ) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.createCommittee.pattern)
  @Idempotent()
  create(@Payload() request: CreateCommitteeRequest, @BusCaller() caller: Caller) {
    return this.createCommittee.execute(new CreateCommitteeCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.getCommittee.pattern)
  get(@Payload() { id }: CommitteeIdRequest, @BusCaller() caller: Caller) {
    return this.getCommittee.execute(new GetCommitteeQuery(caller, id));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listCommittees.pattern)
  list(@Payload() query: ListCommitteesRequest, @BusCaller() caller: Caller) {
    return this.listCommittees.execute(new ListCommitteesQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.addMemberUnit.pattern)
  @Idempotent()
  addUnit(@Payload() request: AddMemberUnitRequest, @BusCaller() caller: Caller) {
    return this.addMemberUnit.execute(new AddMemberUnitCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.updateMemberUnit.pattern)
  updateUnit(@Payload() request: UpdateMemberUnitRequest, @BusCaller() caller: Caller) {
    return this.updateMemberUnit.execute(new UpdateMemberUnitCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.recordMeeting.pattern)
  @Idempotent()
  meeting(@Payload() request: RecordMeetingRequest, @BusCaller() caller: Caller) {
    return this.recordMeeting.execute(new RecordMeetingCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listMeetings.pattern)
  meetings(@Payload() { id }: CommitteeIdRequest, @BusCaller() caller: Caller) {
    return this.listMeetings.execute(new ListMeetingsQuery(caller, id));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listTasks.pattern)
  tasks(@Payload() query: ListTasksRequest, @BusCaller() caller: Caller) {
    return this.listTasks.execute(new ListTasksQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.updateTask.pattern)
  task(@Payload() request: UpdateTaskRequest, @BusCaller() caller: Caller) {
    return this.updateTask.execute(new UpdateTaskCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.openResolutionCase.pattern)
  openCase(@Payload() request: OpenResolutionCaseRequest, @BusCaller() caller: Caller) {
    return this.openResolutionCase.execute(new OpenResolutionCaseCommand(caller, request));
  }
}
