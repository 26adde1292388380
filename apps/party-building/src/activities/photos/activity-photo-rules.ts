import { AppError } from '@gridline/platform';
import { photoRecordView, type PhotoUploadErrors } from '@gridline/persistence';
import { ACTIVITY_PHOTO_LIMITS, PartyErrorCode, activityPhotoUrl, partyInvalid, type ActivityPhotoView } from '@gridline/contracts-party-building';
import type { ActivityEntity } from '../activity.entity';
import type { ActivityPhotoEntity } from './activity-photo.entity';

/** Why photos cannot be added to the activity's report now; null: they can (its report submitted, not cancelled). */
export function photoProblem(activity: Pick<ActivityEntity, 'status' | 'reportedAt'>): string | null {
  if (activity.status === 'cancelled') return 'the activity is cancelled';
  if (!activity.reportedAt) return 'the report is not submitted yet: submit it, then add its photos';
  return null;
}

/** Why `adding` more photos would take the report over its limit (holding `held`); null: they fit. */
export function photoLimitProblem(held: number, adding: number): string | null {
  return held + adding > ACTIVITY_PHOTO_LIMITS.maxPerReport ? `a report keeps at most ${ACTIVITY_PHOTO_LIMITS.maxPerReport} photos (it has ${held})` : null;
}

/** The same answer for a photo that does not exist, is not complete, or whose activity the caller may not read. */
export function photoNotFound(photoId: string): AppError {
  return new AppError(PartyErrorCode.PhotoNotFound, 'not_found', `Photo ${photoId} does not exist in your scope`, { photoId });
}

export function photoLimitReached(reason: string): AppError {
  return new AppError(PartyErrorCode.PhotoLimit, 'rule_violation', `The report ${reason}`, { fields: [{ field: 'photo', reasons: [reason] }] });
}

/** How the shared upload steps (`PhotoUploads`) answer for photos of activity reports. */
export const ACTIVITY_PHOTO_UPLOAD_ERRORS: PhotoUploadErrors = {
  notFound: photoNotFound,
  invalid: partyInvalid,
  incomplete: (photoId, reason, details) => new AppError(PartyErrorCode.PhotoIncomplete, 'rule_violation', `The upload of photo ${photoId} ${reason}`, { photoId, ...details }),
};

export function toActivityPhotoView(photo: ActivityPhotoEntity): ActivityPhotoView {
  return { ...photoRecordView(photo), activityId: photo.activityId, url: activityPhotoUrl(photo.activityId, photo.id) };
}
