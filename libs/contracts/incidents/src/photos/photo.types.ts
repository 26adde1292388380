import type { PhotoMediaType } from '@gridline/media';

/** Before photos show the matter as reported; after photos show the handling (the handler's, for `handle`). */
export const PHOTO_STAGES = ['before', 'after'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

/** The limits of photo upload, the same at the gateway and in the service. */
export const PHOTO_LIMITS = {
  /** Bytes of one photo as sent (its stripped copy is never larger). */
  maxBytes: 10 * 1024 * 1024,
  /** Photos in one upload request. */
  maxPerUpload: 4,
  /** Photos of one stage on one case. */
  maxPerCase: 20,
  /**
   * Bytes of one chunk on the bus: base64 makes it 683 KiB of JSON, well inside NATS' 1 MiB max_payload with the
   * headers and the caller's assertion.
   */
  chunkBytes: 512 * 1024,
} as const;

/** The number of chunks a photo of `size` bytes travels in. */
export const photoChunkCount = (size: number): number => Math.max(1, Math.ceil(size / PHOTO_LIMITS.chunkBytes));

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

/** A photo being uploaded: send its chunks (0 … chunks−1), then commit it. */
export interface PhotoUploadTicket {
  photoId: string;
  chunkBytes: number;
  chunks: number;
}

export interface BeginPhotoUploadResult {
  uploads: PhotoUploadTicket[];
}

/** `stored`: the photo is already complete (a retried upload): nothing was written, go on to commit. */
export interface PhotoChunkAck {
  stored: boolean;
}

/** A stored photo and how to read its bytes: chunk by chunk (0 … chunks−1). */
export interface PhotoContent {
  photo: PhotoView;
  chunkBytes: number;
  chunks: number;
}

/** One chunk of a photo's bytes, base64. */
export interface PhotoChunk {
  data: string;
}
