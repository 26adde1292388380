import { Injectable } from '@nestjs/common';
import { PhotoUploads } from '@gridline/persistence';
import type { PhotoChunkAck } from '@gridline/media';
import { ActivityPhotoRepository } from '../../activity-photo.repository';
import { ACTIVITY_PHOTO_UPLOAD_ERRORS } from '../../activity-photo-rules';
import type { AddActivityPhotoChunkCommand } from './add-chunk.command';

/** One chunk of an upload in flight (`PhotoUploads.addChunk`): only its uploader's, each the right length. */
@Injectable()
export class AddActivityPhotoChunkUseCase {
  constructor(
    private readonly photos: ActivityPhotoRepository,
    private readonly uploads: PhotoUploads,
  ) {}

  async execute({ caller, photoId, index, data }: AddActivityPhotoChunkCommand): Promise<PhotoChunkAck> {
    return this.uploads.addChunk(await this.photos.findById(photoId), photoId, caller.sub, index, data, ACTIVITY_PHOTO_UPLOAD_ERRORS);
  }
}
