import { Injectable } from '@nestjs/common';
import { AppError } from '@gridline/platform';
import { PHOTO_LIMITS, photoChunkCount, type PhotoChunkAck } from '@gridline/contracts-incidents';
import { PhotoRepository } from '../../photo.repository';
import { photoNotFound } from '../../photo-rules';
import type { AddPhotoChunkCommand } from './add-photo-chunk.command';

const invalid = (field: string, reason: string) => AppError.validation([{ field, reasons: [reason] }], `${field} ${reason}`);

/**
 * Keeps one chunk of an upload in flight. Only its uploader may send chunks (anyone else: 404, as for an upload that
 * does not exist or has expired); each chunk but the last is exactly `chunkBytes` long. A chunk for a photo already
 * stored (a retried upload) is not written: `stored: true`.
 */
@Injectable()
export class AddPhotoChunkUseCase {
  constructor(private readonly photos: PhotoRepository) {}

  async execute({ caller, photoId, index, data }: AddPhotoChunkCommand): Promise<PhotoChunkAck> {
    const photo = await this.photos.findById(photoId);
    if (!photo || photo.uploadedBy !== caller.sub) throw photoNotFound(photoId);
    if (photo.status === 'stored') return { stored: true };
    if (!photo.expiresAt || photo.expiresAt <= new Date()) throw photoNotFound(photoId);
    const chunks = photoChunkCount(photo.size);
    if (index >= chunks) throw invalid('index', `must be below ${chunks}: the photo travels in ${chunks} chunks`);
    const expected = index < chunks - 1 ? PHOTO_LIMITS.chunkBytes : photo.size - (chunks - 1) * PHOTO_LIMITS.chunkBytes;
    if (data.length !== expected) throw invalid('data', `must hold ${expected} bytes for chunk ${index}`);
    await this.photos.putChunk(photo.id, index, data);
    return { stored: false };
  }
}
