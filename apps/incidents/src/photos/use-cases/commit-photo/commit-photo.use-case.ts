import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { OptimisticLockError } from '@mikro-orm/core';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { MEDIA_STORE, sniffMediaType, type MediaStore } from '@gridline/media';
import { IncidentErrorCode, photoChunkCount, type PhotoView } from '@gridline/contracts-incidents';
import { IncidentJournal } from '../../../incident/incident-journal';
import { incidentNotFound, staleVersion } from '../../../incident/incident.errors';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import type { IncidentPhotoEntity } from '../../photo.entity';
import { PhotoRepository } from '../../photo.repository';
import { assertMayAddPhotos, photoNotFound, toAttachment, toPhotoView } from '../../photo-rules';
import type { CommitPhotoCommand } from './commit-photo.command';

const incomplete = (photoId: string, reason: string, details: Record<string, unknown> = {}) =>
  new AppError(IncidentErrorCode.PhotoIncomplete, 'rule_violation', `The upload of photo ${photoId} ${reason}`, { photoId, ...details });

/**
 * Completes an upload: the chunks must make exactly the announced bytes (count, size, SHA-256, and a photo of the
 * announced type by its content). The bytes go to the MediaStore first, then one transaction marks the photo
 * stored, drops its chunks and — for a before photo — adds it to the case's attachments, with a timeline entry. So
 * a photo is visible only once whole; a failure after the store removes the object again. Committing a stored
 * photo again (a retry) answers it as it is.
 */
@Injectable()
export class CommitPhotoUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly photos: PhotoRepository,
    private readonly journal: IncidentJournal,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, photoId }: CommitPhotoCommand): Promise<PhotoView> {
    const photo = await this.photos.findById(photoId);
    if (!photo || photo.uploadedBy !== caller.sub) throw photoNotFound(photoId);
    if (photo.status === 'stored') return toPhotoView(photo);
    if (!photo.expiresAt || photo.expiresAt <= new Date()) throw photoNotFound(photoId);
    const bytes = await this.assemble(photo);
    await this.store.put(photo.id, bytes, photo.mediaType);
    try {
      return await this.transactions.run(async () => {
        const locked = await this.photos.lock(photoId);
        if (!locked) throw photoNotFound(photoId);
        if (locked.status === 'stored') return toPhotoView(locked);
        const incident = await this.incidents.findById(locked.incidentId);
        if (!incident || !mayView(caller, incident)) throw incidentNotFound(locked.incidentId);
        // The case may have moved on since the upload began.
        assertMayAddPhotos(caller, incident, locked.stage);
        const now = new Date();
        Object.assign(locked, { status: 'stored', storedAt: now, expiresAt: null });
        await this.photos.deleteChunks(locked.id);
        if (locked.stage === 'before') {
          incident.attachments = [...incident.attachments, toAttachment(locked)];
          incident.updatedAt = now;
        }
        this.journal.record(incident, { action: 'photo_added', actor: caller.sub, from: incident.status, details: { photoId: locked.id, stage: locked.stage } });
        await this.incidents.save();
        return toPhotoView(locked);
      });
    } catch (error) {
      const now = await this.photos.findById(photoId);
      if (now?.status !== 'stored') await this.store.delete(photoId).catch(() => undefined);
      if (error instanceof OptimisticLockError) throw staleVersion(photo.incidentId, -1);
      throw error;
    }
  }

  private async assemble(photo: IncidentPhotoEntity): Promise<Buffer> {
    const chunks = await this.photos.chunks(photo.id);
    const expected = photoChunkCount(photo.size);
    const have = new Set(chunks.map((chunk) => chunk.index));
    const missing = Array.from({ length: expected }, (_, i) => i).filter((i) => !have.has(i));
    if (missing.length > 0) throw incomplete(photo.id, `lacks ${missing.length} of its ${expected} chunks`, { missingChunks: missing });
    const bytes = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.data)));
    if (bytes.length !== photo.size) throw incomplete(photo.id, `holds ${bytes.length} bytes, not the ${photo.size} announced`);
    if (createHash('sha256').update(bytes).digest('hex') !== photo.sha256) throw incomplete(photo.id, 'does not match its announced SHA-256');
    const sniffed = sniffMediaType(bytes);
    if (!sniffed.photo || sniffed.mediaType !== photo.mediaType) throw incomplete(photo.id, `is not ${photo.mediaType} by its content`);
    return bytes;
  }
}
