import { SchemaMigration } from '@gridline/persistence';

/**
 * Photos of cases: the stored objects (`media_object`, the default MediaStore), each case's photos with their stage
 * and EXIF location (`incident_photo`), and the chunks of uploads still in flight (`photo_upload_chunk`).
 */
export class PhotosMigration extends SchemaMigration {
  static readonly migrationName = '20261202005000_photos';

  up(): void {
    this.addSql(`create table ${this.t('media_object')} (
      id uuid primary key, media_type text not null, size int not null, sha256 text not null, content bytea not null,
      created_at timestamptz not null default now()
    )`);
    // Photos are compressed already; EXTERNAL keeps them out of pglz and lets substring() read a slice without the rest.
    this.addSql(`alter table ${this.t('media_object')} alter column content set storage external`);
    this.addSql(`create table ${this.t('incident_photo')} (
      id uuid primary key,
      incident_id uuid not null references ${this.t('incident')} (id),
      stage text not null check (stage in ('before', 'after')),
      status text not null check (status in ('uploading', 'stored')),
      media_type text not null,
      size int not null,
      sha256 text not null,
      exif_lat double precision null,
      exif_lng double precision null,
      uploaded_by text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz null,
      stored_at timestamptz null
    )`);
    this.addSql(`create index incident_photo_incident_idx on ${this.t('incident_photo')} (incident_id, stage)`);
    this.addSql(`create index incident_photo_expiry_idx on ${this.t('incident_photo')} (expires_at) where status = 'uploading'`);
    this.addSql(`create table ${this.t('photo_upload_chunk')} (
      photo_id uuid not null references ${this.t('incident_photo')} (id) on delete cascade,
      index int not null,
      data bytea not null,
      primary key (photo_id, index)
    )`);
    this.addSql(`alter table ${this.t('photo_upload_chunk')} alter column data set storage external`);
  }

  override down(): void {
    this.addSql(`drop table if exists ${this.t('photo_upload_chunk')}`);
    this.addSql(`drop table if exists ${this.t('incident_photo')}`);
    this.addSql(`drop table if exists ${this.t('media_object')}`);
  }
}
