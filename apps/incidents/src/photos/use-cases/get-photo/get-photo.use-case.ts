import { Injectable } from '@nestjs/common';
import { PHOTO_LIMITS, photoChunkCount, type PhotoContent } from '@gridline/contracts-incidents';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import { PhotoRepository } from '../../photo.repository';
import { photoNotFound, toPhotoView } from '../../photo-rules';
import type { GetPhotoCommand } from './get-photo.command';

/**
 * A stored photo, for a caller who may see its case (`mayView`: the grid in scope, the owner department, the
 * reporter), with how its bytes travel (chunk by chunk). A photo that does not exist, is still uploading, belongs to
 * another case or to a case the caller may not see answers the same 404.
 */
@Injectable()
export class GetPhotoUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly photos: PhotoRepository,
  ) {}

  async execute({ caller, incidentId, photoId }: GetPhotoCommand): Promise<PhotoContent> {
    const photo = await this.photos.findById(photoId);
    if (!photo || photo.status !== 'stored' || photo.incidentId !== incidentId) throw photoNotFound(photoId);
    const incident = await this.incidents.findById(incidentId);
    if (!incident || !mayView(caller, incident)) throw photoNotFound(photoId);
    return { photo: toPhotoView(photo), chunkBytes: PHOTO_LIMITS.chunkBytes, chunks: photoChunkCount(photo.size) };
  }
}
