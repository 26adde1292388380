import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A message a consumer gave up on (bad payload, or a handler that kept failing), kept for an operator. */
@Entity({ tableName: 'dead_letter' })
export class DeadLetter {
  [OptionalProps]?: 'id' | 'failedAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  consumer!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'bigint' })
  streamSequence!: string;

  @Property({ type: 'text', nullable: true })
  eventId?: string;

  @Property({ type: 'text', nullable: true })
  eventType?: string;

  /** The raw message body as received (text, or base64 when it is not UTF-8). */
  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text' })
  error!: string;

  @Property({ type: 'int' })
  deliveries!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  failedAt: Date = new Date();
}
