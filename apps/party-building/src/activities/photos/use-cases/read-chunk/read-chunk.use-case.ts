import { Injectable } from '@nestjs/common';
import { PhotoUploads } from '@gridline/persistence';
import { PHOTO_TRANSFER, type PhotoChunk } from '@gridline/media';
import { photoNotFound } from '../../activity-photo-rules';
import { GetActivityPhotoQuery } from '../get-photo/get-photo.query';
import { GetActivityPhotoUseCase } from '../get-photo/get-photo.use-case';
import type { ReadActivityPhotoChunkQuery } from './read-chunk.query';

/** One chunk of a stored photo's bytes, for a caller who may read it (each chunk checked again: the same 404). */
@Injectable()
export class ReadActivityPhotoChunkUseCase {
  constructor(
    private readonly getPhoto: GetActivityPhotoUseCase,
    private readonly uploads: PhotoUploads,
  ) {}

  async execute({ caller, activityId, photoId, index }: ReadActivityPhotoChunkQuery): Promise<PhotoChunk> {
    const { photo, chunks } = await this.getPhoto.execute(new GetActivityPhotoQuery(caller, activityId, photoId));
    if (index >= chunks) throw photoNotFound(photoId);
    const bytes = await this.uploads.read(photo.id, index * PHOTO_TRANSFER.chunkBytes, PHOTO_TRANSFER.chunkBytes);
    if (!bytes) throw photoNotFound(photoId);
    return { data: bytes.toString('base64') };
  }
}
