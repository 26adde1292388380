import { Injectable } from '@nestjs/common';
import type { IncidentAttachment, IncidentAttachmentDto, PhotoStage } from '@gridline/contracts-incidents';
import { fieldPath } from '@gridline/platform';
import type { IncidentEntity } from '../incident/incident.entity';
import { incidentInvalid } from '../incident/incident.errors';
import { PhotoRepository } from './photo.repository';
import { toAttachment } from './photo-rules';

/** An attachment given as a bare https URL (the older form): no id, no stage. */
const urlAttachment = (a: IncidentAttachmentDto): IncidentAttachment => ({ id: null, url: a.url!, mediaType: a.mediaType!, sha256: a.sha256!, stage: null });

/** An attachment as the view shows it, whether stored before photos had ids or after. */
export function attachmentView(a: Partial<IncidentAttachment> & Pick<IncidentAttachment, 'url' | 'mediaType' | 'sha256'>): IncidentAttachment {
  return { id: a.id ?? null, url: a.url, mediaType: a.mediaType, sha256: a.sha256, stage: a.stage ?? null };
}

/** Turns the attachments of a report or a handling into what the case keeps: photos by id, or bare URLs. */
@Injectable()
export class PhotoAttachments {
  constructor(private readonly photos: PhotoRepository) {}

  /** A report's attachments: URLs only, since photos are uploaded to a case once it exists. */
  ofReport(attachments: IncidentAttachmentDto[] | undefined): IncidentAttachment[] {
    return (attachments ?? []).map((a, i) => {
      if (a.photoId !== undefined) throw incidentInvalid(fieldPath('attachments', i, 'photoId'), 'cannot be given on a report: upload before photos to the case once reported (POST /api/v1/incidents/:id/photos)');
      return urlAttachment(a);
    });
  }

  /**
   * Attachments naming uploaded photos: each must be a stored photo of this case and of the stage (400 naming
   * `attachments[i].photoId` otherwise, the same for a photo of another case); the URL form is kept as it is.
   */
  async resolve(incident: IncidentEntity, attachments: IncidentAttachmentDto[] | undefined, stage: PhotoStage): Promise<IncidentAttachment[]> {
    const given = attachments ?? [];
    const ids = given.flatMap((a) => (a.photoId !== undefined ? [a.photoId] : []));
    const photos = ids.length ? await this.photos.storedOfIncident(incident.id, ids) : [];
    const byId = new Map(photos.map((photo) => [photo.id, photo]));
    const seen = new Set<string>();
    return given.map((a, i) => {
      if (a.photoId === undefined) return urlAttachment(a);
      const field = fieldPath('attachments', i, 'photoId');
      if (a.url !== undefined || a.mediaType !== undefined || a.sha256 !== undefined) throw incidentInvalid(field, 'is given with url, mediaType or sha256: give one or the other');
      const photo = byId.get(a.photoId);
      if (!photo) throw incidentInvalid(field, 'is not a photo uploaded to this case');
      if (photo.stage !== stage) throw incidentInvalid(field, `is a ${photo.stage} photo, not an ${stage} photo`);
      if (seen.has(photo.id)) throw incidentInvalid(field, 'is given twice');
      seen.add(photo.id);
      return toAttachment(photo);
    });
  }
}
