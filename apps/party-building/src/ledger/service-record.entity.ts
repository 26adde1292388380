import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { GridTask, ServiceKind, ServiceReferenceKind, ServiceStatus } from '@gridline/contracts-party-building';

/**
 * One service record of a party member. `halfHours` is the hours × 2 (integer: sums stay exact); `organisationId`
 * and `path` are the member's organisation and its unit path when the record was made, for scope and totals.
 */
@Entity({ tableName: 'service_record' })
export class ServiceRecordEntity {
  [OptionalProps]?: 'task' | 'activityId' | 'referenceKind' | 'referenceId' | 'note' | 'decidedBy' | 'decidedAt' | 'reason' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'text' })
  kind!: ServiceKind;

  @Property({ type: 'text', nullable: true })
  task: GridTask | null = null;

  @Property({ type: 'uuid', nullable: true })
  activityId: string | null = null;

  @Property({ type: 'text', nullable: true })
  referenceKind: ServiceReferenceKind | null = null;

  @Property({ type: 'text', nullable: true })
  referenceId: string | null = null;

  /** YYYY-MM-DD, China time. */
  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'integer' })
  halfHours!: number;

  @Property({ type: 'integer' })
  points!: number;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'text' })
  status!: ServiceStatus;

  @Property({ type: 'text' })
  submittedBy!: string;

  @Property({ type: 'text', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
