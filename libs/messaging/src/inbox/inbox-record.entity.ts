import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** An event a consumer has applied: its effect and this row commit together, so a redelivery has no second effect. */
@Entity({ tableName: 'inbox' })
export class InboxRecord {
  [OptionalProps]?: 'processedAt';

  @PrimaryKey({ type: 'text' })
  consumer!: string;

  @PrimaryKey({ type: 'text' })
  eventId!: string;

  @Property({ type: 'text' })
  eventType!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  processedAt: Date = new Date();
}
