import type { MemberUnitKind, TaskStatus } from './committee.types';

/** What every committee event carries: the committee and its exclusive grid (no people, no contacts). */
export interface CommitteeEventBase {
  committeeId: string;
  gridCode: string;
  /** The grid's path, street first (for figures per community and grid). */
  unitPath: string[];
}

/** `events.party-building.committee.created`. */
export interface CommitteeCreatedEventData extends CommitteeEventBase {
  jointBranchId: string | null;
  foundedOn: string;
}

/** `events.party-building.committee.member_unit_joined`: the unit's id and kind, and how many members the committee now has. */
export interface CommitteeMemberUnitJoinedEventData extends CommitteeEventBase {
  memberUnitId: string;
  kind: MemberUnitKind;
  joinedOn: string;
  memberUnitCount: number;
}

/** `events.party-building.committee.meeting_held`: counts only. */
export interface CommitteeMeetingHeldEventData extends CommitteeEventBase {
  meetingId: string;
  heldAt: string;
  presentCount: number;
  agendaItemCount: number;
  resolutionCount: number;
  taskCount: number;
}

/** `events.party-building.committee.task_updated`: a task's status or due date changed (`changed` names the fields). */
export interface CommitteeTaskUpdatedEventData extends CommitteeEventBase {
  taskId: string;
  resolutionId: string;
  status: TaskStatus;
  dueOn: string;
  changed: string[];
}

/** `events.party-building.committee.case_opened`: a resolution became a grid case in incidents. */
export interface CommitteeCaseOpenedEventData extends CommitteeEventBase {
  meetingId: string;
  resolutionId: string;
  caseId: string;
}
