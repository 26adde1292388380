import { Injectable } from '@nestjs/common';
import { LockMode, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { deleteExpiredPhotoUploads } from '@gridline/persistence';
import { IncidentPhotoEntity } from './photo.entity';

/** Photos and the chunks of uploads in flight. Bytes of stored photos are the MediaStore's. */
@Injectable()
export class PhotoRepository {
  constructor(private readonly em: EntityManager) {}

  private table(name: string): string {
    return `"${this.em.config.get('schema')}"."${name}"`;
  }

  /** The photo as committed now, outside any unit of work (a fresh read, also after a failed transaction). */
  findById(id: string): Promise<IncidentPhotoEntity | null> {
    return this.em.fork().findOne(IncidentPhotoEntity, { id });
  }

  /** The stored photos of a case among `ids`. */
  storedOfIncident(incidentId: string, ids: string[]): Promise<IncidentPhotoEntity[]> {
    return this.em.find(IncidentPhotoEntity, { id: { $in: ids }, incidentId, status: 'stored' });
  }

  /** A new upload, persisted with the transaction. */
  create(data: RequiredEntityData<IncidentPhotoEntity>): IncidentPhotoEntity {
    const photo = this.em.create(IncidentPhotoEntity, data);
    this.em.persist(photo);
    return photo;
  }

  /** Writes the changes of this unit of work now. */
  async save(): Promise<void> {
    await this.em.flush();
  }

  /** The photo, row-locked for the transaction (a commit and its retry never both complete it). */
  lock(id: string): Promise<IncidentPhotoEntity | null> {
    return this.em.findOne(IncidentPhotoEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Photos of a stage a case holds or is receiving (uploads not yet expired). */
  async countForStage(incidentId: string, stage: string, now: Date): Promise<number> {
    const [row] = await this.em.execute<{ n: string }[]>(
      `select count(*) as n from ${this.table('incident_photo')} where incident_id = ? and stage = ? and (status = 'stored' or expires_at > ?)`,
      [incidentId, stage, now],
    );
    return Number(row.n);
  }

  /** Removes up to `limit` uploads past their time and answers their ids (`deleteExpiredPhotoUploads`). */
  deleteExpiredUploads(limit: number, now: Date): Promise<string[]> {
    return deleteExpiredPhotoUploads(this.em, 'incident_photo', limit, now);
  }
}
