import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner, uploadingPhoto } from '@gridline/persistence';
import { uploadTicket, type BeginPhotoUploadResult } from '@gridline/media';
import { ACTIVITY_PHOTO_UPLOAD_MINUTES } from '@gridline/contracts-party-building';
import { Clock } from '../../../../clock';
import { PartyScope } from '../../../../scope/party-scope';
import { activityClosed, activityNotFound } from '../../../activity.errors';
import { ActivityRepository } from '../../../activity.repository';
import { ActivityPhotoRepository } from '../../activity-photo.repository';
import { photoLimitProblem, photoLimitReached, photoProblem } from '../../activity-photo-rules';
import type { BeginActivityPhotoUploadCommand } from './begin-upload.command';

/**
 * Announces photos for an activity's report (type, size, SHA-256, EXIF location of each): a keeper of the activity's
 * units, once the report is submitted, within the report's limit; answers one upload ticket per photo. Nothing is
 * visible until a photo is committed; an upload not committed in ACTIVITY_PHOTO_UPLOAD_MINUTES counts for nothing.
 */
@Injectable()
export class BeginActivityPhotoUploadUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly photos: ActivityPhotoRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  execute({ caller, activityId, photos }: BeginActivityPhotoUploadCommand): Promise<BeginPhotoUploadResult> {
    requireRole(caller, PARTY_KEEPERS, 'add photos to activity reports');
    return this.transactions.run(async () => {
      // Locked: two uploads at once cannot both take the report past its limit.
      const activity = await this.activities.lock(activityId);
      if (!activity || !PartyScope.keeps(caller, activity.path)) throw activityNotFound(activityId);
      const problem = photoProblem(activity);
      if (problem) throw activityClosed(activityId, problem);
      const now = this.clock.now();
      const overLimit = photoLimitProblem(await this.photos.count(activity.id, now), photos.length);
      if (overLimit) throw photoLimitReached(overLimit);
      const expiresAt = new Date(now.getTime() + ACTIVITY_PHOTO_UPLOAD_MINUTES * 60_000);
      const uploads = photos.map((photo) => uploadTicket(this.photos.create({ id: randomUUID(), activityId: activity.id, ...uploadingPhoto(photo, caller.sub, now, expiresAt) }).id, photo.size));
      await this.photos.save();
      return { uploads };
    });
  }
}
