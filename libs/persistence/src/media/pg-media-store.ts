import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { MediaStore, StoredMedia } from '@gridline/media';

interface MediaRow {
  id: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: Date;
}

const toStored = (row: MediaRow): StoredMedia => ({ id: row.id, mediaType: row.media_type, size: row.size, sha256: row.sha256, createdAt: new Date(row.created_at).toISOString() });

/**
 * The default MediaStore: a `media_object` table in the owning service's schema (the incidents', the
 * party-building's; `mediaObjectTables` in a migration makes it), one bytea per object (storage EXTERNAL,
 * so a range is read with substring() without loading the rest). Each call is its own statement; the photo rows
 * that refer to an object are written after it, so an object is never referred to before it is whole.
 */
@Injectable()
export class PgMediaStore implements MediaStore {
  constructor(private readonly em: EntityManager) {}

  private get table(): string {
    return `"${this.em.config.get('schema')}"."media_object"`;
  }

  async put(id: string, bytes: Buffer, mediaType: string): Promise<StoredMedia> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.em.execute(`insert into ${this.table} (id, media_type, size, sha256, content) values (?, ?, ?, ?, ?) on conflict (id) do nothing`, [id, mediaType, bytes.length, sha256, bytes]);
    const stored = await this.head(id);
    // The same id with other bytes would be a caller's bug; never answer for bytes that are not the ones stored.
    if (!stored || stored.sha256 !== sha256) throw new Error(`media object ${id} exists with other content`);
    return stored;
  }

  async head(id: string): Promise<StoredMedia | null> {
    const [row] = await this.em.execute<MediaRow[]>(`select id, media_type, size, sha256, created_at from ${this.table} where id = ?`, [id]);
    return row ? toStored(row) : null;
  }

  async get(id: string, range?: { offset: number; length: number }): Promise<Buffer | null> {
    const [row] = range
      ? await this.em.execute<{ content: Buffer }[]>(`select substring(content from ? for ?) as content from ${this.table} where id = ?`, [range.offset + 1, range.length, id])
      : await this.em.execute<{ content: Buffer }[]>(`select content from ${this.table} where id = ?`, [id]);
    return row ? Buffer.from(row.content) : null;
  }

  async delete(id: string): Promise<void> {
    await this.em.execute(`delete from ${this.table} where id = ?`, [id]);
  }
}
