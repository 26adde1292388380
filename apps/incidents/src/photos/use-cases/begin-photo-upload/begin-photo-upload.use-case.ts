import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@gridline/platform';
import { TransactionRunner, uploadingPhoto } from '@gridline/persistence';
import { uploadTicket } from '@gridline/media';
import { IncidentErrorCode, PHOTO_LIMITS, type BeginPhotoUploadResult } from '@gridline/contracts-incidents';
import { INCIDENTS_CONFIG, IncidentsConfig } from '../../../incidents.config';
import { incidentNotFound } from '../../../incident/incident.errors';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import { PhotoRepository } from '../../photo.repository';
import { assertMayAddPhotos } from '../../photo-rules';
import type { BeginPhotoUploadCommand } from './begin-photo-upload.command';

/**
 * Announces photos for a case (stage, type, size, SHA-256, EXIF location of each): checks that the caller may add
 * them now and answers one upload ticket per photo. Nothing is visible until a photo is committed; an upload not
 * committed within PHOTO_UPLOAD_TTL_MINUTES is removed by the janitor.
 */
@Injectable()
export class BeginPhotoUploadUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly photos: PhotoRepository,
    @Inject(INCIDENTS_CONFIG) private readonly config: IncidentsConfig,
    private readonly transactions: TransactionRunner,
  ) {}

  execute({ caller, incidentId, stage, photos }: BeginPhotoUploadCommand): Promise<BeginPhotoUploadResult> {
    return this.transactions.run(async () => {
      const incident = await this.incidents.findById(incidentId);
      if (!incident || !mayView(caller, incident)) throw incidentNotFound(incidentId);
      assertMayAddPhotos(caller, incident, stage);
      const now = new Date();
      const held = await this.photos.countForStage(incident.id, stage, now);
      if (held + photos.length > PHOTO_LIMITS.maxPerCase) {
        throw new AppError(IncidentErrorCode.PhotoLimit, 'rule_violation', `A case keeps at most ${PHOTO_LIMITS.maxPerCase} ${stage} photos (it has ${held})`, {
          fields: [{ field: 'photo', reasons: [`a case keeps at most ${PHOTO_LIMITS.maxPerCase} ${stage} photos`] }],
        });
      }
      const expiresAt = new Date(now.getTime() + this.config.PHOTO_UPLOAD_TTL_MINUTES * 60_000);
      const uploads = photos.map((photo) => uploadTicket(this.photos.create({ id: randomUUID(), incidentId: incident.id, stage, ...uploadingPhoto(photo, caller.sub, now, expiresAt) }).id, photo.size));
      await this.photos.save();
      return { uploads };
    });
  }
}
