import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A household visit (走访). `path` is the grid's (street first), for scope filters. */
@Entity({ tableName: 'visit' })
export class VisitEntity {
  [OptionalProps]?: 'createdAt' | 'incidentId' | 'notes' | 'tags';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  householdId!: string;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  notes = '';

  @Property({ type: ArrayType })
  tags: string[] = [];

  @Property({ type: 'text' })
  visitor!: string;

  @Property({ type: 'uuid', nullable: true })
  incidentId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
