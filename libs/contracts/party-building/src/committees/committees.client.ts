import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { COMMITTEE_REQUESTS } from './committee.requests';
import type {
  AddMemberUnitBody,
  CreateCommitteeRequest,
  ListCommitteesQuery,
  ListTasksQuery,
  OpenResolutionCaseBody,
  RecordMeetingBody,
  UpdateMemberUnitBody,
  UpdateTaskBody,
} from './committee.dto';
import type { CommitteeDetailView, CommitteeView, MeetingView, MemberUnitView, ResolutionCaseView, TaskView } from './committee.types';

/** Exclusive-grid work committees, typed. */
@Injectable()
export class CommitteesClient {
  constructor(private readonly bus: BusRequester) {}

  create(caller: Caller, committee: CreateCommitteeRequest): Promise<CommitteeView> {
    return this.bus.request(COMMITTEE_REQUESTS.createCommittee, committee, { caller });
  }

  get(caller: Caller, id: string): Promise<CommitteeDetailView> {
    return this.bus.request(COMMITTEE_REQUESTS.getCommittee, { id }, { caller });
  }

  list(caller: Caller, query: ListCommitteesQuery): Promise<OffsetPage<CommitteeView>> {
    return this.bus.request(COMMITTEE_REQUESTS.listCommittees, query, { caller });
  }

  addMemberUnit(caller: Caller, committeeId: string, unit: AddMemberUnitBody): Promise<MemberUnitView> {
    return this.bus.request(COMMITTEE_REQUESTS.addMemberUnit, { ...unit, committeeId }, { caller });
  }

  updateMemberUnit(caller: Caller, committeeId: string, memberUnitId: string, changes: UpdateMemberUnitBody): Promise<MemberUnitView> {
    return this.bus.request(COMMITTEE_REQUESTS.updateMemberUnit, { ...changes, committeeId, memberUnitId }, { caller });
  }

  recordMeeting(caller: Caller, committeeId: string, meeting: RecordMeetingBody): Promise<MeetingView> {
    return this.bus.request(COMMITTEE_REQUESTS.recordMeeting, { ...meeting, committeeId }, { caller });
  }

  meetings(caller: Caller, committeeId: string): Promise<MeetingView[]> {
    return this.bus.request(COMMITTEE_REQUESTS.listMeetings, { id: committeeId }, { caller });
  }

  tasks(caller: Caller, committeeId: string, query: ListTasksQuery): Promise<OffsetPage<TaskView>> {
    return this.bus.request(COMMITTEE_REQUESTS.listTasks, { ...query, committeeId }, { caller });
  }

  updateTask(caller: Caller, committeeId: string, taskId: string, changes: UpdateTaskBody): Promise<TaskView> {
    return this.bus.request(COMMITTEE_REQUESTS.updateTask, { ...changes, committeeId, taskId }, { caller });
  }

  openCase(caller: Caller, committeeId: string, resolutionId: string, body: OpenResolutionCaseBody): Promise<ResolutionCaseView> {
    return this.bus.request(COMMITTEE_REQUESTS.openResolutionCase, { ...body, committeeId, resolutionId }, { caller });
  }
}
