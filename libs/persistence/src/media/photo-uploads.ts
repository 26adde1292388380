import { Inject, Injectable } from '@nestjs/common';
import { MEDIA_STORE, assembleChunks, chunkProblem, type MediaStore, type PhotoChunkAck, type PhotoMediaType } from '@gridline/media';
import { PgPhotoChunks } from './pg-photo-chunks';

/** What the upload steps read of an owner's photo row (an incident's photo, an activity report's photo). */
export interface UploadingPhoto {
  id: string;
  uploadedBy: string;
  status: 'uploading' | 'stored';
  expiresAt: Date | null;
  mediaType: PhotoMediaType;
  size: number;
  sha256: string;
}

/** How an owner answers what goes wrong, in its own error codes. */
export interface PhotoUploadErrors {
  /** The same answer for a photo that does not exist, is someone else's upload or has expired. */
  notFound(photoId: string): Error;
  invalid(field: string, reason: string): Error;
  /** The chunks do not make the announced photo. */
  incomplete(photoId: string, reason: string, details: Record<string, unknown>): Error;
}

/**
 * The service side of a chunked photo upload, the same for every owner: chunks kept until the commit (only the
 * uploader's, each the right length), then the whole checked (every chunk, size, SHA-256, type by content), put in
 * the MediaStore, and the owner's transaction run to make it visible; a failure after the put removes the object.
 */
@Injectable()
export class PhotoUploads {
  constructor(
    private readonly chunks: PgPhotoChunks,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  /** Keeps one chunk; for a photo already stored (a retried upload) nothing is written: `stored: true`. */
  async addChunk(photo: UploadingPhoto | null, photoId: string, uploader: string, index: number, data: Buffer, errors: PhotoUploadErrors): Promise<PhotoChunkAck> {
    if (!photo || photo.uploadedBy !== uploader) throw errors.notFound(photoId);
    if (photo.status === 'stored') return { stored: true };
    if (!photo.expiresAt || photo.expiresAt <= new Date()) throw errors.notFound(photoId);
    const problem = chunkProblem(photo.size, index, data.length);
    if (problem) throw errors.invalid(problem.field, problem.reason);
    await this.chunks.put(photo.id, index, data);
    return { stored: false };
  }

  /**
   * Completes an upload: `stored` answers a photo already complete (a retry); otherwise the bytes go to the store,
   * then `complete` (the owner's transaction: re-check, mark stored, drop the chunks with `dropChunks`). When it
   * fails and the photo is not stored after all (`isStored` reads it afresh), the object is removed again.
   */
  async commit<View>(
    photo: UploadingPhoto | null,
    photoId: string,
    uploader: string,
    errors: PhotoUploadErrors,
    steps: { stored(photo: UploadingPhoto): View; complete(): Promise<View>; isStored(): Promise<boolean> },
  ): Promise<View> {
    if (!photo || photo.uploadedBy !== uploader) throw errors.notFound(photoId);
    if (photo.status === 'stored') return steps.stored(photo);
    if (!photo.expiresAt || photo.expiresAt <= new Date()) throw errors.notFound(photoId);
    const assembled = assembleChunks(photo, await this.chunks.list(photo.id));
    if ('problem' in assembled) throw errors.incomplete(photo.id, assembled.problem, assembled.details);
    await this.store.put(photo.id, assembled.bytes, photo.mediaType);
    try {
      return await steps.complete();
    } catch (error) {
      if (!(await steps.isStored().catch(() => false))) await this.store.delete(photoId).catch(() => undefined);
      throw error;
    }
  }

  /** Drops a photo's chunks (inside the owner's transaction, once it is stored). */
  dropChunks(photoId: string): Promise<void> {
    return this.chunks.delete(photoId);
  }

  /** `length` bytes of a stored photo from `offset`, or null. */
  read(photoId: string, offset: number, length: number): Promise<Buffer | null> {
    return this.store.get(photoId, { offset, length });
  }
}
