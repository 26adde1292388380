import { Injectable } from '@nestjs/common';
import { LockMode, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Outbox } from '@gridline/messaging';
import { deleteExpiredPhotoUploads } from '@gridline/persistence';
import { PARTY_BUILDING_EVENTS } from '@gridline/contracts-party-building';
import type { ActivityEntity } from '../activity.entity';
import { ActivityPhotoEntity } from './activity-photo.entity';

/** Photos of activity reports (the rows; bytes are the MediaStore's, chunks in flight `PhotoUploads`'). */
@Injectable()
export class ActivityPhotoRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  /** The photo as committed now, outside any unit of work (a fresh read, also after a failed transaction). */
  findById(id: string): Promise<ActivityPhotoEntity | null> {
    return this.em.fork().findOne(ActivityPhotoEntity, { id });
  }

  /** The stored photos of an activity, oldest first. */
  storedOf(activityId: string): Promise<ActivityPhotoEntity[]> {
    return this.em.find(ActivityPhotoEntity, { activityId, status: 'stored' }, { orderBy: { storedAt: 'asc', id: 'asc' } });
  }

  /** Photos an activity holds or is receiving (uploads not yet expired). */
  count(activityId: string, now: Date): Promise<number> {
    return this.em.count(ActivityPhotoEntity, { activityId, $or: [{ status: 'stored' }, { expiresAt: { $gt: now } }] });
  }

  /** A new upload, persisted with the transaction. */
  create(data: RequiredEntityData<ActivityPhotoEntity>): ActivityPhotoEntity {
    const photo = this.em.create(ActivityPhotoEntity, data);
    this.em.persist(photo);
    return photo;
  }

  /** The photo, row-locked for the transaction (a commit and its retry never both complete it). */
  lock(id: string): Promise<ActivityPhotoEntity | null> {
    return this.em.findOne(ActivityPhotoEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Records `activity.photo_added` (ids only) for a photo just stored. */
  added(activity: ActivityEntity, photo: ActivityPhotoEntity): void {
    this.events.record(PARTY_BUILDING_EVENTS.activityPhotoAdded, activity.id, { activityId: activity.id, photoId: photo.id, organisationId: activity.organisationId, unitCode: activity.unitCode, unitPath: [...activity.path] });
  }

  async save(): Promise<void> {
    await this.em.flush();
  }

  /** Removes up to `limit` uploads past their time and answers their ids (the janitor's; `deleteExpiredPhotoUploads`). */
  deleteExpiredUploads(limit: number, now: Date): Promise<string[]> {
    return deleteExpiredPhotoUploads(this.em, 'activity_photo', limit, now);
  }
}
