import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ActivityAudience, ActivityKind, ActivityStatus } from '@gridline/contracts-party-building';

/** An organisation's activity; `path` is the organisation's unit path (street first), for scope and lists. */
@Entity({ tableName: 'activity' })
export class ActivityEntity {
  [OptionalProps]?: 'status' | 'signedUp' | 'cancelReason' | 'reportSummary' | 'reportedAt' | 'reportedBy' | 'reportCounts' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'text' })
  unitCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'text' })
  kind!: ActivityKind;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  stationId!: string | null;

  @Property({ type: 'text', nullable: true })
  address!: string | null;

  @Property({ type: 'integer' })
  capacity!: number;

  @Property({ type: 'text' })
  audience!: ActivityAudience;

  /** Service hours an attendance credits, in half-hours (0–48). */
  @Property({ type: 'integer' })
  halfHours!: number;

  @Property({ type: 'text' })
  status: ActivityStatus = 'scheduled';

  /** Active sign-ups (walk-ins included): kept with the row, which every sign-up locks, so capacity holds. */
  @Property({ type: 'integer' })
  signedUp: number = 0;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  reportSummary: string | null = null;

  /** The attendance counted when the report was submitted. */
  @Property({ type: 'json', nullable: true })
  reportCounts: { signedUp: number; attended: number; noShows: number; walkIns: number } | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  reportedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  reportedBy: string | null = null;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** A member's sign-up to an activity: one row per member and activity (signing up again restores it). */
@Entity({ tableName: 'activity_sign_up' })
export class SignUpEntity {
  [OptionalProps]?: 'status' | 'walkIn' | 'cancelledAt' | 'attendedAt' | 'recordedBy';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  activityId!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'text' })
  status: 'signed_up' | 'cancelled' = 'signed_up';

  @Property({ type: 'boolean' })
  walkIn: boolean = false;

  @Property({ type: 'timestamptz' })
  signedUpAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  attendedAt: Date | null = null;

  /** Who recorded the attendance from the sign-in sheet after the activity (null: checked in with the code). */
  @Property({ type: 'text', nullable: true })
  recordedBy: string | null = null;
}

/** A check-in code opened for an activity, kept only as a hash; `replacedAt` once a newer code was opened. */
@Entity({ tableName: 'activity_check_in_code' })
export class CheckInCodeEntity {
  [OptionalProps]?: 'replacedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  activityId!: string;

  @Property({ type: 'text' })
  codeHash!: string;

  @Property({ type: 'timestamptz' })
  openedAt!: Date;

  @Property({ type: 'text' })
  openedBy!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  replacedAt: Date | null = null;
}
