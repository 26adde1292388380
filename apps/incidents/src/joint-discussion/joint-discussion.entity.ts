import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { JointDiscussionOwner } from '@gridline/contracts-incidents';

/** A "3+N" joint discussion of a case: who met, when, what they decided and whom they made owners. */
@Entity({ tableName: 'joint_discussion' })
export class JointDiscussionEntity {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  incidentId!: string;

  @Property({ type: ArrayType })
  participants!: string[];

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  decision!: string;

  @Property({ type: 'jsonb' })
  owners!: JointDiscussionOwner[];

  @Property({ type: 'text' })
  liftedBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
