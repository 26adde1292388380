import { defineRequest } from '@gridline/messaging/contracts';
import type { BeginPhotoUploadResult, CommitPhotoRequest, PhotoChunk, PhotoChunkAck, PhotoChunkRequest } from '@gridline/media';
import type { ActivityPhotoRequest, BeginActivityPhotoUploadRequest, ReadActivityPhotoChunkRequest } from './activity-photo.dto';
import type { ActivityPhotoContent, ActivityPhotoView } from './activity-photo.types';

/** Photos of activity reports over the bus, in chunks (spread into PARTY_BUILDING_REQUESTS). */
export const ACTIVITY_PHOTO_REQUESTS = {
  beginActivityPhotoUpload: defineRequest<BeginActivityPhotoUploadRequest, BeginPhotoUploadResult>('party-building', 'party-building.activity.photo.begin'),
  activityPhotoChunk: defineRequest<PhotoChunkRequest, PhotoChunkAck>('party-building', 'party-building.activity.photo.chunk'),
  commitActivityPhoto: defineRequest<CommitPhotoRequest, ActivityPhotoView>('party-building', 'party-building.activity.photo.commit'),
  getActivityPhoto: defineRequest<ActivityPhotoRequest, ActivityPhotoContent>('party-building', 'party-building.activity.photo.get'),
  readActivityPhotoChunk: defineRequest<ReadActivityPhotoChunkRequest, PhotoChunk>('party-building', 'party-building.activity.photo.read'),
} as const;
