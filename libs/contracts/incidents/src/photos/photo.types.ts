import { PHOTO_TRANSFER, photoChunkCount, type PhotoMediaType } from '@gridline/media';

export type { BeginPhotoUploadResult, PhotoChunk, PhotoChunkAck, PhotoUploadTicket } from '@gridline/media';

/** Before photos show the matter as reported; after photos show the handling (the handler's, for `handle`). */
export const PHOTO_STAGES = ['before', 'after'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

/** The limits of photo upload, the same at the gateway and in the service: how photos travel, and how many a case keeps. */
export const PHOTO_LIMITS = {
  ...PHOTO_TRANSFER,
  /** Photos of one stage on one case. */
  maxPerCase: 20,
} as const;

export { photoChunkCount };

/** The gateway route that serves a photo's bytes (to callers who may see its case). */
export const photoUrl = (incidentId: string, photoId: string): string => `/api/v1/incidents/${incidentId}/photos/${photoId}`;

/** A stored photo of a case. Its bytes carry no EXIF/XMP: the location it held is `exifLocation`. */
export interface PhotoView {
  id: string;
  incidentId: string;
  mediaType: PhotoMediaType;
  size: number;
  sha256: string;
  stage: PhotoStage;
  /** Where the photo says it was taken (EXIF GPS, WGS 84), read before the metadata was stripped; null if it said nothing. */
  exifLocation: { lat: number; lng: number } | null;
  /** Where to fetch the bytes (the gateway route). */
  url: string;
  uploadedBy: string;
  createdAt: string;
}

/** A stored photo and how to read its bytes: chunk by chunk (0 … chunks−1). */
export interface PhotoContent {
  photo: PhotoView;
  chunkBytes: number;
  chunks: number;
}

