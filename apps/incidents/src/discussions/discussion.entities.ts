import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { DiscussionStatus, DiscussionTaskOwnerKind, DiscussionTaskStatus } from '@gridline/contracts-incidents';
import type { OwnerUnitLevel } from '@gridline/auth';

/**
 * A "3+N" discussion born from a 3+N candidate: one per candidate (`candidate_id` unique, the consumer's source key),
 * in the street's scope, with its meeting (once recorded) and its closing.
 */
@Entity({ tableName: 'discussion' })
export class DiscussionEntity {
  [OptionalProps]?: 'openedAt' | 'participants' | 'meetingDate' | 'decision' | 'meetingBy' | 'meetingAt' | 'closedBy' | 'closedAt' | 'closeNote';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  candidateId!: string;

  @Property({ type: 'text' })
  streetCode!: string;

  @Property({ type: 'text' })
  unitCode!: string;

  /** The unit's path, street first (from the registry copy): what scope is judged on. */
  @Property({ type: ArrayType })
  unitPath!: string[];

  @Property({ type: 'text' })
  categoryCode!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: ArrayType })
  evidenceIncidentIds!: string[];

  @Property({ type: ArrayType })
  evidenceAppealIds!: string[];

  @Property({ type: 'text' })
  status!: DiscussionStatus;

  @Property({ type: 'text' })
  liftedBy!: string;

  @Property({ type: 'timestamptz' })
  openedAt: Date = new Date();

  @Property({ type: ArrayType, nullable: true })
  participants: string[] | null = null;

  /** YYYY-MM-DD */
  @Property({ type: 'date', nullable: true })
  meetingDate: string | null = null;

  @Property({ type: 'text', nullable: true })
  decision: string | null = null;

  @Property({ type: 'text', nullable: true })
  meetingBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  meetingAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  closedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  closeNote: string | null = null;
}

/** One decision of a discussion's meeting: an owner, a due day, what to do, followed to done. */
@Entity({ tableName: 'discussion_task' })
export class DiscussionTaskEntity {
  [OptionalProps]?: 'createdAt' | 'result' | 'doneBy' | 'doneAt' | 'overdueAt' | 'ownerLevel' | 'ownerPath';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  discussionId!: string;

  /** Its place in the meeting's list. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  ownerKind!: DiscussionTaskOwnerKind;

  @Property({ type: 'text' })
  ownerCode!: string;

  /** A unit owner's level (`grid` for an exclusive grid) and path: who handles for it (`handlesOwner`). */
  @Property({ type: 'text', nullable: true })
  ownerLevel: OwnerUnitLevel | null = null;

  @Property({ type: ArrayType, nullable: true })
  ownerPath: string[] | null = null;

  /** YYYY-MM-DD, China time. */
  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text' })
  status!: DiscussionTaskStatus;

  @Property({ type: 'text', nullable: true })
  result: string | null = null;

  @Property({ type: 'text', nullable: true })
  doneBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  doneAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  overdueAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

export const DISCUSSION_ENTITIES = [DiscussionEntity, DiscussionTaskEntity];
