import { AppError, CommonErrorCode } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import { photoRecordView, type PhotoUploadErrors } from '@gridline/persistence';
import { IncidentErrorCode, photoUrl, type IncidentAttachment, type IncidentStatus, type PhotoStage, type PhotoView } from '@gridline/contracts-incidents';
import type { IncidentEntity } from '../incident/incident.entity';
import { PROCESS, manages } from '../incident/incident-process';
import type { IncidentPhotoEntity } from './photo.entity';

/** Before photos belong to the report: until the case is dispatched. */
const BEFORE_STATUSES: readonly IncidentStatus[] = ['reported', 'accepted'];

/**
 * Who may add photos of a stage now, following the case process: before photos the reporter or the grid centre
 * while the case is reported or accepted; after photos whoever may `handle` the case now (its owner, in progress).
 * Another state is 409, another caller 403 (the case itself was checked visible before).
 */
export function assertMayAddPhotos(caller: Caller, incident: IncidentEntity, stage: PhotoStage): void {
  const from = stage === 'before' ? BEFORE_STATUSES : PROCESS.handle.from;
  if (!from.includes(incident.status)) {
    throw new AppError(IncidentErrorCode.NotAllowedInState, 'conflict', `A case that is ${incident.status} takes no ${stage} photos (only while ${from.join(' or ')})`, {
      status: incident.status,
      stage,
    });
  }
  const who = stage === 'before' ? caller.sub === incident.reporter || manages(caller, incident) : PROCESS.handle.who(caller, incident);
  if (!who) {
    const whom = stage === 'before' ? 'its reporter or the grid centre' : 'whoever may handle it now';
    throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `Only ${whom} may add ${stage} photos to this case`, { stage });
  }
}

/** The same answer for a photo that does not exist, is not complete, or whose case the caller may not see. */
export function photoNotFound(photoId: string): AppError {
  return new AppError(IncidentErrorCode.PhotoNotFound, 'not_found', `Photo ${photoId} does not exist in your scope`, { photoId });
}

/** How the shared upload steps (`PhotoUploads`) answer for photos of cases. */
export const PHOTO_UPLOAD_ERRORS: PhotoUploadErrors = {
  notFound: photoNotFound,
  invalid: (field, reason) => AppError.validation([{ field, reasons: [reason] }], `${field} ${reason}`),
  incomplete: (photoId, reason, details) => new AppError(IncidentErrorCode.PhotoIncomplete, 'rule_violation', `The upload of photo ${photoId} ${reason}`, { photoId, ...details }),
};

export function toPhotoView(photo: IncidentPhotoEntity): PhotoView {
  return { ...photoRecordView(photo), incidentId: photo.incidentId, stage: photo.stage, url: photoUrl(photo.incidentId, photo.id) };
}

/** A stored photo as the case's attachment. */
export function toAttachment(photo: IncidentPhotoEntity): IncidentAttachment {
  return { id: photo.id, url: photoUrl(photo.incidentId, photo.id), mediaType: photo.mediaType, sha256: photo.sha256, stage: photo.stage };
}
