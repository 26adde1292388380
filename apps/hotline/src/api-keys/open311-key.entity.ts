import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** An Open311 client application and the SHA-256 hash of its API key (the key itself is shown once, never kept). */
@Entity({ tableName: 'open311_key' })
export class Open311KeyEntity {
  [OptionalProps]?: 'issuedAt';

  @PrimaryKey({ type: 'text' }) application!: string;
  @Property({ type: 'text', unique: true }) keyHash!: string;
  @Property({ type: 'text' }) issuedBy!: string;
  @Property({ type: 'timestamptz' }) issuedAt: Date = new Date();
}
