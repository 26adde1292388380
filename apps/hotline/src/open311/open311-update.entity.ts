import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** The appeal timeline action of a citizen's comment posted through Open311. */
export const CITIZEN_UPDATE = 'citizen_update';

/**
 * A citizen's comment an Open311 client posted (FixMyStreet's POST servicerequestupdates), beside its timeline entry.
 * The commenter's name, e-mail and phone are never part of it.
 */
@Entity({ tableName: 'open311_update' })
export class Open311UpdateEntity {
  [OptionalProps]?: 'recordedAt' | 'clientUpdateId' | 'mediaUrl' | 'clientStatus';

  /** The appeal timeline entry it is: its id is the update_id Open311 answers. */
  @PrimaryKey({ type: 'bigint' }) timelineId!: string;
  @Property({ type: 'uuid' }) appealId!: string;
  @Property({ type: 'text' }) application!: string;
  /** The client's own id of the update: unique per application, so that a retried POST is the same update. */
  @Property({ type: 'text', nullable: true }) clientUpdateId: string | null = null;
  @Property({ type: 'text' }) text!: string;
  @Property({ type: 'text', nullable: true }) mediaUrl: string | null = null;
  @Property({ type: 'timestamptz' }) writtenAt!: Date;
  @Property({ type: 'text', nullable: true }) clientStatus: string | null = null;
  /** What the update said (request, text, media), to tell a retry from another update under the same client id. */
  @Property({ type: 'text' }) fingerprint!: string;
  @Property({ type: 'timestamptz' }) recordedAt: Date = new Date();
}
