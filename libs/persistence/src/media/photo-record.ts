import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PhotoLocation, PhotoMediaType, PhotoUploadSpecDto } from '@gridline/media';
import type { UploadingPhoto } from './photo-uploads';

/**
 * The columns every owner's photo row has (`incident_photo`, `activity_photo`): `uploading` while its chunks arrive
 * (never shown, ignored once expired), `stored` once its bytes are whole in the MediaStore under the same id. An
 * owner's entity extends it with what the photo belongs to.
 */
export abstract class PhotoRecord implements UploadingPhoto {
  [OptionalProps]?: 'createdAt' | 'expiresAt' | 'storedAt' | 'exifLat' | 'exifLng';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

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

/** The fields of a new upload announced by `spec`, for the owner's `create`. */
export function uploadingPhoto(spec: PhotoUploadSpecDto, uploadedBy: string, now: Date, expiresAt: Date) {
  return {
    status: 'uploading' as const,
    mediaType: spec.mediaType,
    size: spec.size,
    sha256: spec.sha256,
    exifLat: spec.exifLocation?.lat ?? null,
    exifLng: spec.exifLocation?.lng ?? null,
    uploadedBy,
    createdAt: now,
    expiresAt,
  };
}

/** What every photo view shows of the row: type, size, hash, the EXIF location, uploader and when it was stored. */
export function photoRecordView(photo: PhotoRecord): { id: string; mediaType: PhotoMediaType; size: number; sha256: string; exifLocation: PhotoLocation | null; uploadedBy: string; createdAt: string } {
  return {
    id: photo.id,
    mediaType: photo.mediaType,
    size: photo.size,
    sha256: photo.sha256,
    exifLocation: photo.exifLat !== null && photo.exifLng !== null ? { lat: photo.exifLat, lng: photo.exifLng } : null,
    uploadedBy: photo.uploadedBy,
    createdAt: (photo.storedAt ?? photo.createdAt).toISOString(),
  };
}

/**
 * Removes up to `limit` uploads of a photo table (rows of `PhotoRecord`) past their time — their chunks go with them
 * (on delete cascade) — and answers their ids, for the MediaStore objects a late-failing commit may have left.
 * SKIP LOCKED: replicas share the work, and an upload being committed right now is left alone.
 */
export async function deleteExpiredPhotoUploads(em: EntityManager, table: string, limit: number, now: Date): Promise<string[]> {
  const qualified = `"${em.config.get('schema')}"."${table}"`;
  const rows = await em.execute<{ id: string }[]>(
    `delete from ${qualified} where id in (select id from ${qualified} where status = 'uploading' and expires_at <= ? order by expires_at limit ? for update skip locked) returning id`,
    [now, limit],
  );
  return rows.map((row) => row.id);
}
