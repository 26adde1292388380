import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { INCIDENTS_REQUESTS } from '../incidents.requests';
import type { PhotoUploadSpecDto } from './photo.dto';
import type { BeginPhotoUploadResult, PhotoChunkAck, PhotoContent, PhotoStage, PhotoView } from './photo.types';

/** Photos of cases, typed: an upload is begin → chunks → commit; a read is get → chunks. */
@Injectable()
export class PhotosClient {
  constructor(private readonly bus: BusRequester) {}

  begin(caller: Caller, id: string, stage: PhotoStage, photos: PhotoUploadSpecDto[]): Promise<BeginPhotoUploadResult> {
    return this.bus.request(INCIDENTS_REQUESTS.beginPhotoUpload, { id, stage, photos }, { caller });
  }

  sendChunk(caller: Caller, photoId: string, index: number, bytes: Buffer): Promise<PhotoChunkAck> {
    return this.bus.request(INCIDENTS_REQUESTS.photoChunk, { photoId, index, data: bytes.toString('base64') }, { caller });
  }

  commit(caller: Caller, photoId: string): Promise<PhotoView> {
    return this.bus.request(INCIDENTS_REQUESTS.commitPhoto, { photoId }, { caller });
  }

  get(caller: Caller, id: string, photoId: string): Promise<PhotoContent> {
    return this.bus.request(INCIDENTS_REQUESTS.getPhoto, { id, photoId }, { caller });
  }

  async readChunk(caller: Caller, id: string, photoId: string, index: number): Promise<Buffer> {
    const { data } = await this.bus.request(INCIDENTS_REQUESTS.readPhotoChunk, { id, photoId, index }, { caller });
    return Buffer.from(data, 'base64');
  }
}
