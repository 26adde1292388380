import { Injectable } from '@nestjs/common';
import { PhotoUploads, TransactionRunner } from '@gridline/persistence';
import type { ActivityPhotoView } from '@gridline/contracts-party-building';
import { Clock } from '../../../../clock';
import { PartyScope } from '../../../../scope/party-scope';
import { activityClosed, activityNotFound } from '../../../activity.errors';
import { ActivityRepository } from '../../../activity.repository';
import type { ActivityPhotoEntity } from '../../activity-photo.entity';
import { ActivityPhotoRepository } from '../../activity-photo.repository';
import { ACTIVITY_PHOTO_UPLOAD_ERRORS, photoNotFound, photoProblem, toActivityPhotoView } from '../../activity-photo-rules';
import type { CommitActivityPhotoCommand } from './commit-photo.command';

/**
 * Completes an upload (`PhotoUploads.commit`: the chunks make exactly the announced photo, its bytes go to the
 * MediaStore), then one transaction re-checks the activity (still the caller's to keep, not cancelled), marks the
 * photo stored, drops its chunks and records `activity.photo_added`. Committing a stored photo again answers it.
 */
@Injectable()
export class CommitActivityPhotoUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly photos: ActivityPhotoRepository,
    private readonly uploads: PhotoUploads,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, photoId }: CommitActivityPhotoCommand): Promise<ActivityPhotoView> {
    const photo = await this.photos.findById(photoId);
    return this.uploads.commit(photo, photoId, caller.sub, ACTIVITY_PHOTO_UPLOAD_ERRORS, {
      stored: () => toActivityPhotoView(photo as ActivityPhotoEntity),
      isStored: async () => (await this.photos.findById(photoId))?.status === 'stored',
      complete: () =>
        this.transactions.run(async () => {
          const locked = await this.photos.lock(photoId);
          if (!locked) throw photoNotFound(photoId);
          if (locked.status === 'stored') return toActivityPhotoView(locked);
          const activity = await this.activities.lock(locked.activityId);
          if (!activity || !PartyScope.keeps(caller, activity.path)) throw activityNotFound(locked.activityId);
          const problem = photoProblem(activity);
          if (problem) throw activityClosed(activity.id, problem);
          Object.assign(locked, { status: 'stored', storedAt: this.clock.now(), expiresAt: null });
          await this.uploads.dropChunks(locked.id);
          this.photos.added(activity, locked);
          await this.photos.save();
          return toActivityPhotoView(locked);
        }),
    });
  }
}
