import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { PhotosClient, type PhotoUploadTicket, type PhotoView } from '@gridline/contracts-incidents';
import type { FormData } from '../../../../http/form-data';
import { preparePhoto, readPhotoForm, type PreparedPhoto } from '../../photo-form';

/**
 * POST /incidents/:id/photos: reads the form, makes each photo ready (type by content, location read, metadata
 * stripped) before anything is sent, then uploads the stripped copies to the incidents service in chunks — begin
 * (with the client's Idempotency-Key: a retry gets the same photos), every chunk, commit. A photo is visible only
 * once committed; an upload that stops half way is never shown and expires.
 */
@Injectable()
export class UploadPhotosUseCase {
  constructor(private readonly photos: PhotosClient) {}

  async execute(caller: Caller, incidentId: string, form: FormData): Promise<PhotoView[]> {
    const { stage, files } = readPhotoForm(form);
    const prepared: PreparedPhoto[] = [];
    for (const [i, file] of files.entries()) prepared.push(await preparePhoto(file, i, files.length));
    const { uploads } = await this.photos.begin(
      caller,
      incidentId,
      stage,
      prepared.map(({ mediaType, bytes, sha256, exifLocation }) => ({ mediaType, size: bytes.length, sha256, ...(exifLocation ? { exifLocation } : {}) })),
    );
    const stored: PhotoView[] = [];
    for (const [i, ticket] of uploads.entries()) stored.push(await this.send(caller, ticket, prepared[i].bytes));
    return stored;
  }

  private async send(caller: Caller, ticket: PhotoUploadTicket, bytes: Buffer): Promise<PhotoView> {
    for (let index = 0; index < ticket.chunks; index++) {
      const chunk = bytes.subarray(index * ticket.chunkBytes, (index + 1) * ticket.chunkBytes);
      // A retried upload whose photo is already stored: nothing more to send.
      if ((await this.photos.sendChunk(caller, ticket.photoId, index, chunk)).stored) break;
    }
    return this.photos.commit(caller, ticket.photoId);
  }
}
