import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import { photoChunkCount, PHOTO_TRANSFER } from '@gridline/media';
import type { ActivityPhotoContent } from '@gridline/contracts-party-building';
import { ActivityAccess } from '../../../activity-access';
import { ActivityRepository } from '../../../activity.repository';
import { ActivityPhotoRepository } from '../../activity-photo.repository';
import { photoNotFound, toActivityPhotoView } from '../../activity-photo-rules';
import type { GetActivityPhotoQuery } from './get-photo.query';

/**
 * A stored photo of an activity's report, for a caller who may read the activity (`ActivityAccess.mayRead`: readers
 * of its units, members of its audience or signed up), with how its bytes travel. A photo that does not exist, is
 * still uploading, belongs to another activity or to one the caller may not read answers the same 404.
 */
@Injectable()
export class GetActivityPhotoUseCase {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly photos: ActivityPhotoRepository,
    private readonly access: ActivityAccess,
  ) {}

  async execute({ caller, activityId, photoId }: GetActivityPhotoQuery): Promise<ActivityPhotoContent> {
    requireRole(caller, [...PARTY_READERS, 'party_member'], 'read photos of party activities');
    const photo = await this.photos.findById(photoId);
    if (!photo || photo.status !== 'stored' || photo.activityId !== activityId) throw photoNotFound(photoId);
    const activity = await this.activities.findById(activityId);
    if (!activity || !(await this.access.mayRead(caller, activity))) throw photoNotFound(photoId);
    return { photo: toActivityPhotoView(photo), chunkBytes: PHOTO_TRANSFER.chunkBytes, chunks: photoChunkCount(photo.size) };
  }
}
