import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ReportIncidentRequest } from '@gridline/contracts-incidents';

/**
 * One hand-off of a party-building record (a station's social-conditions report, a committee's resolution) to
 * incidents as a grid case. `key` is derived from the origin and is the report's permanent idempotency key at
 * incidents; `request` is the report exactly as first sent, so that a retry sends the same one; `incidentId` is set
 * once incidents answered, in the transaction that links the origin's record.
 */
@Entity({ tableName: 'case_handoff' })
export class CaseHandoffEntity {
  [OptionalProps]?: 'incidentId' | 'workOrder' | 'createdAt' | 'openedAt';

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  originKind!: string;

  @Property({ type: 'uuid' })
  originId!: string;

  @Property({ type: 'jsonb' })
  request!: ReportIncidentRequest;

  @Property({ type: 'uuid', nullable: true })
  incidentId: string | null = null;

  @Property({ type: 'text', nullable: true })
  workOrder: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  openedAt: Date | null = null;
}
