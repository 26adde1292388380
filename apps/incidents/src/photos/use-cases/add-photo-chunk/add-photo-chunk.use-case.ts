import { Injectable } from '@nestjs/common';
import { PhotoUploads } from '@gridline/persistence';
import type { PhotoChunkAck } from '@gridline/contracts-incidents';
import { PhotoRepository } from '../../photo.repository';
import { PHOTO_UPLOAD_ERRORS } from '../../photo-rules';
import type { AddPhotoChunkCommand } from './add-photo-chunk.command';

/**
 * Keeps one chunk of an upload in flight (`PhotoUploads.addChunk`). Only its uploader may send chunks (anyone else:
 * 404, as for an upload that does not exist or has expired); each chunk but the last is exactly `chunkBytes` long.
 * A chunk for a photo already stored (a retried upload) is not written: `stored: true`.
 */
@Injectable()
export class AddPhotoChunkUseCase {
  constructor(
    private readonly photos: PhotoRepository,
    private readonly uploads: PhotoUploads,
  ) {}

  async execute({ caller, photoId, index, data }: AddPhotoChunkCommand): Promise<PhotoChunkAck> {
    return this.uploads.addChunk(await this.photos.findById(photoId), photoId, caller.sub, index, data, PHOTO_UPLOAD_ERRORS);
  }
}
