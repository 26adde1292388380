/** Kinds of co-building member units (成员单位) of an exclusive grid's work committee. */
export const MEMBER_UNIT_KINDS = ['enterprise', 'shop', 'school', 'property_company', 'hospital', 'other'] as const;
export type MemberUnitKind = (typeof MEMBER_UNIT_KINDS)[number];

/** A committee task's status: open until done (with a note) or cancelled. */
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Who owns a task: a member unit of the committee, or a party organisation. */
export const TASK_OWNER_KINDS = ['member_unit', 'organisation'] as const;
export type TaskOwnerKind = (typeof TASK_OWNER_KINDS)[number];

/** The committee's convenor: the joint branch's secretary, or a post named in text (e.g. 社区党委副书记). */
export type CommitteeConvenor = { kind: 'joint_branch_secretary'; organisationId: string } | { kind: 'post'; post: string };

/** An exclusive grid's work committee (专属网格工作委员会). */
export interface CommitteeView {
  id: string;
  name: string;
  /** The exclusive grid it belongs to. */
  gridCode: string;
  /** The grid's name as the registry last told it (null until known). */
  gridName: string | null;
  /** The grid's joint branch (联合党支部) when it had one at founding, else null. */
  jointBranchId: string | null;
  foundedOn: string;
  convenor: CommitteeConvenor;
  active: boolean;
  /** Member units that have not left. */
  memberUnitCount: number;
  meetingCount: number;
  /** Open tasks, and of those the overdue. */
  openTaskCount: number;
  overdueTaskCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A committee with its member units (GET /party/committees/:id). */
export interface CommitteeDetailView extends CommitteeView {
  memberUnits: MemberUnitView[];
}

/** A member unit (成员单位) with its contact; the contact's phone is masked. */
export interface MemberUnitView {
  id: string;
  committeeId: string;
  kind: MemberUnitKind;
  name: string;
  /** Unified social credit code (统一社会信用代码), upper case, when given. */
  uscc: string | null;
  contactPost: string;
  contactName: string;
  /** Masked (`138****5678`); the clear number is never answered. */
  contactPhone: string;
  joinedOn: string;
  leftOn: string | null;
  /** Not left (leftOn null or later than today). */
  active: boolean;
}

/** A resolution (决议) of a meeting: a task, a grid case, or neither yet. */
export interface ResolutionView {
  id: string;
  /** Its place in the meeting's resolutions, from 1. */
  position: number;
  text: string;
  /** The task it became (null: none). */
  taskId: string | null;
  /** The grid case it became in incidents (null: none). */
  caseId: string | null;
}

/** A meeting of the committee (e.g. 第一次工作委员会会议). */
export interface MeetingView {
  id: string;
  committeeId: string;
  heldAt: string;
  title: string;
  place: string;
  /** The member units present, by id and name. */
  present: { id: string; name: string }[];
  /** Agenda items, in order. */
  agenda: string[];
  minutes: string | null;
  resolutions: ResolutionView[];
  createdAt: string;
}

/** A task a resolution became. */
export interface TaskView {
  id: string;
  committeeId: string;
  meetingId: string;
  resolutionId: string;
  /** The resolution's text. */
  title: string;
  owner: { kind: TaskOwnerKind; id: string; name: string | null };
  dueOn: string;
  status: TaskStatus;
  /** The note given when done (or cancelled). */
  note: string | null;
  /** Open and past its due date (China time). */
  overdue: boolean;
  closedAt: string | null;
  updatedAt: string;
}

/** The answer to turning a resolution into a grid case: the resolution with its case, the case's work order. */
export interface ResolutionCaseView {
  resolution: ResolutionView;
  caseId: string;
  workOrder: string;
  /** True when the case was opened before (this call opened nothing). */
  replayed: boolean;
}
