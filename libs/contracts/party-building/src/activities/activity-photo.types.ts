import { PHOTO_TRANSFER, type PhotoLocation, type PhotoMediaType } from '@gridline/media';

/** The limits of an activity report's photos: how photos travel (as for every photo), and how many a report keeps. */
export const ACTIVITY_PHOTO_LIMITS = {
  ...PHOTO_TRANSFER,
  /** Photos of one activity's report. */
  maxPerReport: 20,
} as const;

/** Minutes an upload may take from begin to commit; after that it counts for nothing and is never shown. */
export const ACTIVITY_PHOTO_UPLOAD_MINUTES = 60;

/** The gateway route that serves an activity photo's bytes (to callers who may read the activity). */
export const activityPhotoUrl = (activityId: string, photoId: string): string => `/api/v1/party/activities/${activityId}/report/photos/${photoId}`;

/** A stored photo of an activity's report. Its bytes carry no EXIF/XMP: the location it held is `exifLocation`. */
export interface ActivityPhotoView {
  id: string;
  activityId: string;
  mediaType: PhotoMediaType;
  size: number;
  sha256: string;
  /** Where the photo says it was taken (EXIF GPS, WGS 84), read before the metadata was stripped; null if it said nothing. */
  exifLocation: PhotoLocation | null;
  /** Where to fetch the bytes (the gateway route). */
  url: string;
  uploadedBy: string;
  createdAt: string;
}

/** A stored photo and how to read its bytes: chunk by chunk (0 … chunks−1). */
export interface ActivityPhotoContent {
  photo: ActivityPhotoView;
  chunkBytes: number;
  chunks: number;
}
