import { defineRequest } from '@gridline/messaging/contracts';
import type { OffsetPage } from '@gridline/platform';
import type {
  AddMemberUnitRequest,
  CommitteeIdRequest,
  CreateCommitteeRequest,
  ListCommitteesQuery,
  ListTasksRequest,
  OpenResolutionCaseRequest,
  RecordMeetingRequest,
  UpdateMemberUnitRequest,
  UpdateTaskRequest,
} from './committee.dto';
import type { CommitteeDetailView, CommitteeView, MeetingView, MemberUnitView, ResolutionCaseView, TaskView } from './committee.types';

/** Exclusive-grid work committees' commands and queries (spread into PARTY_BUILDING_REQUESTS). */
export const COMMITTEE_REQUESTS = {
  createCommittee: defineRequest<CreateCommitteeRequest, CommitteeView>('party-building', 'party-building.committee.create'),
  getCommittee: defineRequest<CommitteeIdRequest, CommitteeDetailView>('party-building', 'party-building.committee.get'),
  listCommittees: defineRequest<ListCommitteesQuery, OffsetPage<CommitteeView>>('party-building', 'party-building.committee.list'),
  addMemberUnit: defineRequest<AddMemberUnitRequest, MemberUnitView>('party-building', 'party-building.committee.member_unit.add'),
  updateMemberUnit: defineRequest<UpdateMemberUnitRequest, MemberUnitView>('party-building', 'party-building.committee.member_unit.update'),
  recordMeeting: defineRequest<RecordMeetingRequest, MeetingView>('party-building', 'party-building.committee.meeting.record'),
  listMeetings: defineRequest<CommitteeIdRequest, MeetingView[]>('party-building', 'party-building.committee.meeting.list'),
  listTasks: defineRequest<ListTasksRequest, OffsetPage<TaskView>>('party-building', 'party-building.committee.task.list'),
  updateTask: defineRequest<UpdateTaskRequest, TaskView>('party-building', 'party-building.committee.task.update'),
  openResolutionCase: defineRequest<OpenResolutionCaseRequest, ResolutionCaseView>('party-building', 'party-building.committee.resolution.open_case'),
} as const;
