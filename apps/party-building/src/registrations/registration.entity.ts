import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { HandoffStatus, RegistrationPost, RegistrationState } from '@gridline/contracts-party-building';

/**
 * An in-service party member's dual registration (双报到) with the community and grid they serve; `path` is the
 * grid's (street first), for scope. The hand-off columns say where the registry stands on it once approved.
 */
@Entity({ tableName: 'registration' })
export class RegistrationEntity {
  [OptionalProps]?:
    | 'postNote' | 'endsOn' | 'state' | 'rejectionReason' | 'decidedBy' | 'decidedAt' | 'endedAt'
    | 'handoffStatus' | 'handoffAssignmentId' | 'handoffPersonId' | 'handoffReason' | 'handoffAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'text' })
  workUnit!: string;

  @Property({ type: 'text' })
  workUnitPartyOrganisation!: string;

  @Property({ type: 'text' })
  communityCode!: string;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'text' })
  post!: RegistrationPost;

  @Property({ type: 'text', nullable: true })
  postNote: string | null = null;

  /** YYYY-MM-DD (the driver keeps dates as strings). */
  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  @Property({ type: 'text' })
  state: RegistrationState = 'submitted';

  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @Property({ type: 'text' })
  submittedBy!: string;

  @Property({ type: 'text', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  endedAt: Date | null = null;

  @Property({ type: 'text' })
  handoffStatus: HandoffStatus = 'none';

  @Property({ type: 'uuid', nullable: true })
  handoffAssignmentId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  handoffPersonId: string | null = null;

  @Property({ type: 'text', nullable: true })
  handoffReason: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  handoffAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
