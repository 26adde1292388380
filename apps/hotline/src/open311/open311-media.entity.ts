import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** The media URL (a photo, usually) an Open311 client sent with the appeal it submitted. */
@Entity({ tableName: 'open311_media' })
export class Open311MediaEntity {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' }) appealId!: string;
  @Property({ type: 'text' }) mediaUrl!: string;
  @Property({ type: 'timestamptz' }) recordedAt: Date = new Date();
}
