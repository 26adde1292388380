import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { MemberUnitKind, TaskOwnerKind, TaskStatus } from '@gridline/contracts-party-building';

/** An exclusive grid's work committee; `path` is the grid's (street first), for scope. */
@Entity({ tableName: 'committee' })
export class CommitteeEntity {
  [OptionalProps]?: 'active' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'uuid', nullable: true })
  jointBranchId!: string | null;

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  foundedOn!: string;

  /** Null: the convenor is the joint branch's secretary. */
  @Property({ type: 'text', nullable: true })
  convenorPost!: string | null;

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** A member unit (成员单位) of a committee; the contact's phone only as a cipher token. */
@Entity({ tableName: 'committee_member_unit' })
export class MemberUnitEntity {
  [OptionalProps]?: 'leftOn' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  committeeId!: string;

  @Property({ type: 'text' })
  kind!: MemberUnitKind;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  uscc!: string | null;

  @Property({ type: 'text' })
  contactPost!: string;

  @Property({ type: 'text' })
  contactName!: string;

  @Property({ type: 'text' })
  contactPhoneEnc!: string;

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  joinedOn!: string;

  @Property({ type: 'date', nullable: true })
  leftOn: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** A meeting of a committee, with its ordered agenda and the member units present. */
@Entity({ tableName: 'committee_meeting' })
export class MeetingEntity {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  committeeId!: string;

  @Property({ type: 'timestamptz' })
  heldAt!: Date;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  place!: string;

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  presentUnitIds!: string[];

  @Property({ type: ArrayType })
  agenda!: string[];

  @Property({ type: 'text', nullable: true })
  minutes!: string | null;

  /** The token subject of who recorded it. */
  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/** A resolution (决议) of a meeting; `caseId` once it became a grid case. */
@Entity({ tableName: 'committee_resolution' })
export class ResolutionEntity {
  [OptionalProps]?: 'caseId';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  committeeId!: string;

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'uuid', nullable: true })
  caseId: string | null = null;
}

/** A task a resolution became: an owner, a due date, a status. */
@Entity({ tableName: 'committee_task' })
export class TaskEntity {
  [OptionalProps]?: 'status' | 'note' | 'closedAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  committeeId!: string;

  @Property({ type: 'uuid' })
  meetingId!: string;

  @Property({ type: 'uuid' })
  resolutionId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  ownerKind!: TaskOwnerKind;

  @Property({ type: 'uuid' })
  ownerId!: string;

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'text' })
  status: TaskStatus = 'open';

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

export const COMMITTEE_ENTITIES = [CommitteeEntity, MemberUnitEntity, MeetingEntity, ResolutionEntity, TaskEntity];
