import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { CloudEvent } from '../events/cloud-event';

/** A domain event waiting in the service's own database to be published (the transactional outbox). */
@Entity({ tableName: 'outbox' })
export class OutboxMessage {
  [OptionalProps]?: 'id' | 'createdAt' | 'publishedAt' | 'attempts' | 'nextAttemptAt' | 'lastError';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid', unique: true })
  eventId!: string;

  /** Subject without the platform prefix, e.g. `events.registry.unit.created`. */
  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  type!: string;

  /** Events of one aggregate are published in the order they were recorded. */
  @Property({ type: 'text' })
  aggregateKey!: string;

  @Property({ type: 'jsonb' })
  payload!: CloudEvent;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date;

  @Property({ type: 'int', default: 0 })
  attempts = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  lastError?: string;
}
