import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CommonErrorCode } from '@gridline/platform';
import type { Caller } from '@gridline/auth';
import { PhotosClient, type PhotoView } from '@gridline/contracts-incidents';

/** GET /incidents/:id/photos/:photoId: the photo's bytes, read chunk by chunk and checked against its SHA-256. */
@Injectable()
export class ReadPhotoUseCase {
  constructor(private readonly photos: PhotosClient) {}

  async execute(caller: Caller, incidentId: string, photoId: string): Promise<{ photo: PhotoView; bytes: Buffer }> {
    const { photo, chunks } = await this.photos.get(caller, incidentId, photoId);
    const parts: Buffer[] = [];
    for (let index = 0; index < chunks; index++) parts.push(await this.photos.readChunk(caller, incidentId, photoId, index));
    const bytes = Buffer.concat(parts);
    if (bytes.length !== photo.size || createHash('sha256').update(bytes).digest('hex') !== photo.sha256) {
      throw new AppError(CommonErrorCode.Internal, 'internal', `Photo ${photoId} did not come back whole from the store`);
    }
    return { photo, bytes };
  }
}
