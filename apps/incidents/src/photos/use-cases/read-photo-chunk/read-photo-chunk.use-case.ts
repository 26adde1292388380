import { Inject, Injectable } from '@nestjs/common';
import { MEDIA_STORE, type MediaStore } from '@gridline/media';
import { PHOTO_LIMITS, type PhotoChunk } from '@gridline/contracts-incidents';
import { photoNotFound } from '../../photo-rules';
import { GetPhotoCommand } from '../get-photo/get-photo.command';
import { GetPhotoUseCase } from '../get-photo/get-photo.use-case';
import type { ReadPhotoChunkCommand } from './read-photo-chunk.command';

/** One chunk of a stored photo's bytes, for a caller who may see the photo (each chunk checked again: the same 404). */
@Injectable()
export class ReadPhotoChunkUseCase {
  constructor(
    private readonly getPhoto: GetPhotoUseCase,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  async execute({ caller, incidentId, photoId, index }: ReadPhotoChunkCommand): Promise<PhotoChunk> {
    const { photo, chunks } = await this.getPhoto.execute(new GetPhotoCommand(caller, incidentId, photoId));
    if (index >= chunks) throw photoNotFound(photoId);
    const bytes = await this.store.get(photo.id, { offset: index * PHOTO_LIMITS.chunkBytes, length: PHOTO_LIMITS.chunkBytes });
    if (!bytes) throw photoNotFound(photoId);
    return { data: bytes.toString('base64') };
  }
}
