import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { PhotoMediaType } from '@gridline/media';
import type { PhotoStage } from '@gridline/contracts-incidents';

/**
 * A photo of a case: `uploading` while its chunks arrive (never shown, removed when it expires), `stored` once its
 * bytes are whole in the MediaStore under the same id.
 */
@Entity({ tableName: 'incident_photo' })
export class IncidentPhotoEntity {
  [OptionalProps]?: 'createdAt' | 'expiresAt' | 'storedAt' | 'exifLat' | 'exifLng';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  incidentId!: string;

  @Property({ type: 'text' })
  stage!: PhotoStage;

  @Property({ type: 'text' })
  status!: 'uploading' | 'stored';

  @Property({ type: 'text' })
  mediaType!: PhotoMediaType;

  @Property({ type: 'int' })
  size!: number;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'double', nullable: true })
  exifLat: number | null = null;

  @Property({ type: 'double', nullable: true })
  exifLng: number | null = null;

  @Property({ type: 'text' })
  uploadedBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Until when an upload may be completed (null once stored). */
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  storedAt: Date | null = null;
}
