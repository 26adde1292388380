import { PHOTO_RECORD_COLUMNS, SchemaMigration, photoStorageTables } from '@gridline/persistence';

/**
 * Photos of activity reports: each photo with its EXIF location (`activity_photo`), the stored objects
 * (`media_object`, the default MediaStore) and the chunks of uploads still in flight (`photo_upload_chunk`), as the
 * incidents service keeps photos of cases.
 */
export class PartyActivityPhotosMigration extends SchemaMigration {
  static readonly migrationName = '20261210004500_activity_photos';

  up(): void {
    this.addSql(`create table ${this.t('activity_photo')} (
      id uuid primary key,
      activity_id uuid not null references ${this.t('activity')} (id),
      ${PHOTO_RECORD_COLUMNS}
    )`);
    this.addSql(`create index activity_photo_activity_idx on ${this.t('activity_photo')} (activity_id)`);
    this.addSql(`create index activity_photo_expiry_idx on ${this.t('activity_photo')} (expires_at) where status = 'uploading'`);
    for (const sql of photoStorageTables((name) => this.t(name), 'activity_photo')) this.addSql(sql);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('photo_upload_chunk')}`);
    this.addSql(`drop table if exists ${this.t('media_object')}`);
    this.addSql(`drop table if exists ${this.t('activity_photo')}`);
  }
}
