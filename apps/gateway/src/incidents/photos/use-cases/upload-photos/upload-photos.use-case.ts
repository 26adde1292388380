import { Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { PhotosClient, type PhotoView } from '@gridline/contracts-incidents';
import type { FormData } from '../../../../http/form-data';
import { prepareAll, uploadPhotos } from '../../../../http/photo-upload';
import { readPhotoForm } from '../../photo-form';

/**
 * POST /incidents/:id/photos: reads the form, makes each photo ready (type by content, location read, metadata
 * stripped) before anything is sent, then uploads the stripped copies to the incidents service in chunks through
 * the gateway's one photo pipeline (`uploadPhotos`).
 */
@Injectable()
export class UploadPhotosUseCase {
  constructor(private readonly photos: PhotosClient) {}

  async execute(caller: Caller, incidentId: string, form: FormData): Promise<PhotoView[]> {
    const { stage, files } = readPhotoForm(form);
    const prepared = await prepareAll(files);
    return uploadPhotos(
      {
        begin: (photos) => this.photos.begin(caller, incidentId, stage, photos),
        sendChunk: (photoId, index, bytes) => this.photos.sendChunk(caller, photoId, index, bytes),
        commit: (photoId) => this.photos.commit(caller, photoId),
      },
      prepared,
    );
  }
}
