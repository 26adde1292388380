import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { PhotosClient, type PhotoView } from '@gridline/contracts-incidents';
import { readPhotoBytes } from '../../../../http/photo-upload';

/** GET /incidents/:id/photos/:photoId: the photo's bytes, read chunk by chunk and checked against its SHA-256. */
@Injectable()
export class ReadPhotoUseCase {
  constructor(private readonly photos: PhotosClient) {}

  async execute(caller: Caller, incidentId: string, photoId: string): Promise<{ photo: PhotoView; bytes: Buffer }> {
    const { photo, chunks } = await this.photos.get(caller, incidentId, photoId);
    const bytes = await readPhotoBytes(photo, chunks, (index) => this.photos.readChunk(caller, incidentId, photoId, index));
    return { photo, bytes };
  }
}
