import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import { MEDIA_STORE, type MediaStore } from '@gridline/media';
import { PHOTO_LIMITS, photoChunkCount, type PhotoChunk, type PhotoContent } from '@gridline/contracts-incidents';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import type { IncidentPhotoEntity } from '../../photo.entity';
import { PhotoRepository } from '../../photo.repository';
import { photoNotFound, toPhotoView } from '../../photo-rules';

/**
 * Reads a stored photo for a caller who may see its case (`mayView`: the grid in scope, the owner department, the
 * reporter). A photo that does not exist, is still uploading, belongs to another case or to a case the caller may
 * not see answers the same 404. Bytes go chunk by chunk, each chunk checked again.
 */
@Injectable()
export class ReadPhotoUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly photos: PhotoRepository,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  async get(caller: Caller, incidentId: string, photoId: string): Promise<PhotoContent> {
    const photo = await this.visible(caller, incidentId, photoId);
    return { photo: toPhotoView(photo), chunkBytes: PHOTO_LIMITS.chunkBytes, chunks: photoChunkCount(photo.size) };
  }

  async chunk(caller: Caller, incidentId: string, photoId: string, index: number): Promise<PhotoChunk> {
    const photo = await this.visible(caller, incidentId, photoId);
    if (index >= photoChunkCount(photo.size)) throw photoNotFound(photoId);
    const bytes = await this.store.get(photo.id, { offset: index * PHOTO_LIMITS.chunkBytes, length: PHOTO_LIMITS.chunkBytes });
    if (!bytes) throw photoNotFound(photoId);
    return { data: bytes.toString('base64') };
  }

  private async visible(caller: Caller, incidentId: string, photoId: string): Promise<IncidentPhotoEntity> {
    const photo = await this.photos.findById(photoId);
    if (!photo || photo.status !== 'stored' || photo.incidentId !== incidentId) throw photoNotFound(photoId);
    const incident = await this.incidents.findById(incidentId);
    if (!incident || !mayView(caller, incident)) throw photoNotFound(photoId);
    return photo;
  }
}
