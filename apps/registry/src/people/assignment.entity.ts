import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { GridRole } from '@gridline/contracts-registry';

/** A person's role on a unit for a period of China calendar dates, both ends inclusive; no end = open. */
@Entity({ tableName: 'assignment' })
export class AssignmentEntity {
  [OptionalProps]?: 'id' | 'endsOn' | 'workPhone' | 'source' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  personId!: string;

  @Property({ type: 'text' })
  unitCode!: string;

  @Property({ type: 'text' })
  role!: GridRole;

  /** YYYY-MM-DD (the driver keeps dates as strings). */
  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  /** The post's work phone, published by the public grid lookup (in clear: it is meant to be public). */
  @Property({ type: 'text', nullable: true })
  workPhone: string | null = null;

  /** The other service's record that made it (`party-building.registration:<id>`), once; null for a grid centre's. */
  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
