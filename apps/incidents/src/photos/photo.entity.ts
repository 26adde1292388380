import { Entity, Property } from '@mikro-orm/core';
import { PhotoRecord } from '@gridline/persistence';
import type { PhotoStage } from '@gridline/contracts-incidents';

/** A photo of a case (the columns every photo row has, `PhotoRecord`), with its case and its stage. */
@Entity({ tableName: 'incident_photo' })
export class IncidentPhotoEntity extends PhotoRecord {
  @Property({ type: 'uuid' })
  incidentId!: string;

  @Property({ type: 'text' })
  stage!: PhotoStage;
}
