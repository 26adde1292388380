import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { BeginPhotoUploadResult, PhotoChunkAck, PhotoUploadSpecDto } from '@gridline/media';
import { ACTIVITY_PHOTO_REQUESTS } from './activity-photo.requests';
import type { ActivityPhotoContent, ActivityPhotoView } from './activity-photo.types';

/** Photos of activity reports, typed: an upload is begin → chunks → commit; a read is get → chunks. */
@Injectable()
export class ActivityPhotosClient {
  constructor(private readonly bus: BusRequester) {}

  begin(caller: Caller, id: string, photos: PhotoUploadSpecDto[]): Promise<BeginPhotoUploadResult> {
    return this.bus.request(ACTIVITY_PHOTO_REQUESTS.beginActivityPhotoUpload, { id, photos }, { caller });
  }

  sendChunk(caller: Caller, photoId: string, index: number, bytes: Buffer): Promise<PhotoChunkAck> {
    return this.bus.request(ACTIVITY_PHOTO_REQUESTS.activityPhotoChunk, { photoId, index, data: bytes.toString('base64') }, { caller });
  }

  commit(caller: Caller, photoId: string): Promise<ActivityPhotoView> {
    return this.bus.request(ACTIVITY_PHOTO_REQUESTS.commitActivityPhoto, { photoId }, { caller });
  }

  get(caller: Caller, id: string, photoId: string): Promise<ActivityPhotoContent> {
    return this.bus.request(ACTIVITY_PHOTO_REQUESTS.getActivityPhoto, { id, photoId }, { caller });
  }

  async readChunk(caller: Caller, id: string, photoId: string, index: number): Promise<Buffer> {
    const { data } = await this.bus.request(ACTIVITY_PHOTO_REQUESTS.readActivityPhotoChunk, { id, photoId, index }, { caller });
    return Buffer.from(data, 'base64');
  }
}
