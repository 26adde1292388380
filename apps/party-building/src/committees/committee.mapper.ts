import type {
  CommitteeCaseOpenedEventData,
  CommitteeCreatedEventData,
  CommitteeView,
  MeetingView,
  MemberUnitView,
  ResolutionView,
  TaskView,
} from '@gridline/contracts-party-building';
import type { PersonalDataService } from '@gridline/persistence';
import type { CommitteeEntity, MeetingEntity, MemberUnitEntity, ResolutionEntity, TaskEntity } from './committee.entity';
import { hasLeft, isOverdue } from './committee-rules';

/** What a committee's view counts (member units not left, meetings, open and overdue tasks). */
export interface CommitteeCounts {
  memberUnitCount: number;
  meetingCount: number;
  openTaskCount: number;
  overdueTaskCount: number;
}

export const NO_COUNTS: CommitteeCounts = { memberUnitCount: 0, meetingCount: 0, openTaskCount: 0, overdueTaskCount: 0 };

export function toCommitteeView(c: CommitteeEntity, gridName: string | null, counts: CommitteeCounts): CommitteeView {
  return {
    id: c.id,
    name: c.name,
    gridCode: c.gridCode,
    gridName,
    jointBranchId: c.jointBranchId,
    foundedOn: c.foundedOn,
    // A committee without a post is convened by its joint branch's secretary (the create refuses it otherwise).
    convenor: c.convenorPost === null ? { kind: 'joint_branch_secretary', organisationId: c.jointBranchId as string } : { kind: 'post', post: c.convenorPost },
    active: c.active,
    ...counts,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A member unit, its contact's phone masked (the clear number never leaves the service). */
export function toMemberUnitView(m: MemberUnitEntity, personalData: PersonalDataService, today: string): MemberUnitView {
  return {
    id: m.id,
    committeeId: m.committeeId,
    kind: m.kind,
    name: m.name,
    uscc: m.uscc,
    contactPost: m.contactPost,
    contactName: m.contactName,
    contactPhone: personalData.maskedPhone(m.contactPhoneEnc) ?? '',
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
    active: !hasLeft(m, today),
  };
}

export function toResolutionView(r: ResolutionEntity, taskId: string | null): ResolutionView {
  return { id: r.id, position: r.position, text: r.text, taskId, caseId: r.caseId };
}

export function toMeetingView(m: MeetingEntity, resolutions: ResolutionEntity[], tasks: TaskEntity[], unitNames: ReadonlyMap<string, string>): MeetingView {
  const taskOf = new Map(tasks.map((t) => [t.resolutionId, t.id]));
  return {
    id: m.id,
    committeeId: m.committeeId,
    heldAt: m.heldAt.toISOString(),
    title: m.title,
    place: m.place,
    present: m.presentUnitIds.map((id) => ({ id, name: unitNames.get(id) ?? '' })),
    agenda: [...m.agenda],
    minutes: m.minutes,
    resolutions: [...resolutions].sort((a, b) => a.position - b.position).map((r) => toResolutionView(r, taskOf.get(r.id) ?? null)),
    createdAt: m.createdAt.toISOString(),
  };
}

export function toTaskView(t: TaskEntity, ownerName: string | null, today: string): TaskView {
  return {
    id: t.id,
    committeeId: t.committeeId,
    meetingId: t.meetingId,
    resolutionId: t.resolutionId,
    title: t.title,
    owner: { kind: t.ownerKind, id: t.ownerId, name: ownerName },
    dueOn: t.dueOn,
    status: t.status,
    note: t.note,
    overdue: isOverdue(t, today),
    closedAt: t.closedAt?.toISOString() ?? null,
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function committeeEventBase(c: CommitteeEntity): { committeeId: string; gridCode: string; unitPath: string[] } {
  return { committeeId: c.id, gridCode: c.gridCode, unitPath: [...c.path] };
}

export function toCommitteeCreatedData(c: CommitteeEntity): CommitteeCreatedEventData {
  return { ...committeeEventBase(c), jointBranchId: c.jointBranchId, foundedOn: c.foundedOn };
}

export function toCaseOpenedData(c: CommitteeEntity, r: ResolutionEntity, caseId: string): CommitteeCaseOpenedEventData {
  return { ...committeeEventBase(c), meetingId: r.meetingId, resolutionId: r.id, caseId };
}
