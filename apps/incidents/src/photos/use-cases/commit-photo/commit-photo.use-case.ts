import { Injectable } from '@nestjs/common';
import { OptimisticLockError } from '@mikro-orm/core';
import { PhotoUploads, TransactionRunner } from '@gridline/persistence';
import type { PhotoView } from '@gridline/contracts-incidents';
import { IncidentJournal } from '../../../incident/incident-journal';
import { incidentNotFound, staleVersion } from '../../../incident/incident.errors';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import type { IncidentPhotoEntity } from '../../photo.entity';
import { PhotoRepository } from '../../photo.repository';
import { PHOTO_UPLOAD_ERRORS, assertMayAddPhotos, photoNotFound, toAttachment, toPhotoView } from '../../photo-rules';
import type { CommitPhotoCommand } from './commit-photo.command';

/**
 * Completes an upload through `PhotoUploads.commit`: the chunks must make exactly the announced bytes (count, size,
 * SHA-256, and a photo of the announced type by its content). The bytes go to the MediaStore first, then one
 * transaction marks the photo stored, drops its chunks and — for a before photo — adds it to the case's
 * attachments, with a timeline entry. So a photo is visible only once whole; a failure after the store removes the
 * object again. Committing a stored photo again (a retry) answers it as it is.
 */
@Injectable()
export class CommitPhotoUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly photos: PhotoRepository,
    private readonly journal: IncidentJournal,
    private readonly uploads: PhotoUploads,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, photoId }: CommitPhotoCommand): Promise<PhotoView> {
    const photo = await this.photos.findById(photoId);
    try {
      return await this.uploads.commit(photo, photoId, caller.sub, PHOTO_UPLOAD_ERRORS, {
        stored: () => toPhotoView(photo as IncidentPhotoEntity),
        isStored: async () => (await this.photos.findById(photoId))?.status === 'stored',
        complete: () =>
          this.transactions.run(async () => {
            const locked = await this.photos.lock(photoId);
            if (!locked) throw photoNotFound(photoId);
            if (locked.status === 'stored') return toPhotoView(locked);
            const incident = await this.incidents.findById(locked.incidentId);
            if (!incident || !mayView(caller, incident)) throw incidentNotFound(locked.incidentId);
            // The case may have moved on since the upload began.
            assertMayAddPhotos(caller, incident, locked.stage);
            const now = new Date();
            Object.assign(locked, { status: 'stored', storedAt: now, expiresAt: null });
            await this.uploads.dropChunks(locked.id);
            if (locked.stage === 'before') {
              incident.attachments = [...incident.attachments, toAttachment(locked)];
              incident.updatedAt = now;
            }
            this.journal.record(incident, { action: 'photo_added', actor: caller.sub, from: incident.status, details: { photoId: locked.id, stage: locked.stage } });
            await this.incidents.save();
            return toPhotoView(locked);
          }),
      });
    } catch (error) {
      if (error instanceof OptimisticLockError) throw staleVersion(photo?.incidentId ?? photoId, -1);
      throw error;
    }
  }
}
