import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/**
 * The chunks of photo uploads in flight: `photo_upload_chunk (photo_id, index, data)` in the owning service's schema,
 * its photo_id referring to that service's photo table (on delete cascade, so an expired upload takes its chunks).
 */
@Injectable()
export class PgPhotoChunks {
  constructor(private readonly em: EntityManager) {}

  private get table(): string {
    return `"${this.em.config.get('schema')}"."photo_upload_chunk"`;
  }

  /** Writes a chunk; a chunk sent again (a retry) replaces the earlier copy. */
  async put(photoId: string, index: number, data: Buffer): Promise<void> {
    await this.em.execute(`insert into ${this.table} (photo_id, index, data) values (?, ?, ?) on conflict (photo_id, index) do update set data = excluded.data`, [photoId, index, data]);
  }

  /** The chunks received so far, in order. */
  list(photoId: string): Promise<{ index: number; data: Buffer }[]> {
    return this.em.execute(`select index, data from ${this.table} where photo_id = ? order by index`, [photoId]);
  }

  async delete(photoId: string): Promise<void> {
    await this.em.execute(`delete from ${this.table} where photo_id = ?`, [photoId]);
  }
}

/**
 * The DDL of a service's photo storage: `media_object` (the default MediaStore's bytea, storage EXTERNAL: photos are
 * compressed already, and substring() reads a slice without the rest) and `photo_upload_chunk` referring to the
 * service's own photo table. `t` names a table in the migration's schema.
 */
export function photoStorageTables(t: (name: string) => string, photoTable: string): string[] {
  return [
    `create table ${t('media_object')} (
      id uuid primary key, media_type text not null, size int not null, sha256 text not null, content bytea not null,
      created_at timestamptz not null default now()
    )`,
    `alter table ${t('media_object')} alter column content set storage external`,
    `create table ${t('photo_upload_chunk')} (
      photo_id uuid not null references ${t(photoTable)} (id) on delete cascade,
      index int not null,
      data bytea not null,
      primary key (photo_id, index)
    )`,
    `alter table ${t('photo_upload_chunk')} alter column data set storage external`,
  ];
}

/** The DDL of the columns every photo row has (`PhotoRecord`), after the owner's own columns. */
export const PHOTO_RECORD_COLUMNS = `status text not null check (status in ('uploading', 'stored')),
      media_type text not null,
      size int not null,
      sha256 text not null,
      exif_lat double precision null,
      exif_lng double precision null,
      uploaded_by text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz null,
      stored_at timestamptz null`;
