import { Entity, Property } from '@mikro-orm/core';
import { PhotoRecord } from '@gridline/persistence';

/** A photo of an activity's report (the columns every photo row has, `PhotoRecord`, and its activity). */
@Entity({ tableName: 'activity_photo' })
export class ActivityPhotoEntity extends PhotoRecord {
  @Property({ type: 'uuid' })
  activityId!: string;
}
