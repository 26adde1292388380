import { createHash } from 'node:crypto';
import { sniffMediaType, type PhotoMediaType } from './media-type';

/**
 * How photos travel from the gateway to the service that keeps them, the same for every owner (cases, activity
 * reports): a few files of at most `maxBytes`, each in chunks of `chunkBytes` (base64 makes 683 KiB of JSON, well
 * inside NATS' 1 MiB max_payload with the headers and the caller's assertion).
 */
export const PHOTO_TRANSFER = {
  /** Bytes of one photo as sent (its stripped copy is never larger). */
  maxBytes: 10 * 1024 * 1024,
  /** Photos in one upload request. */
  maxPerUpload: 4,
  /** Bytes of one chunk on the bus. */
  chunkBytes: 512 * 1024,
} as const;

/** The highest chunk index a photo can have. */
export const MAX_CHUNK_INDEX = Math.ceil(PHOTO_TRANSFER.maxBytes / PHOTO_TRANSFER.chunkBytes) - 1;

/** The number of chunks a photo of `size` bytes travels in. */
export const photoChunkCount = (size: number): number => Math.max(1, Math.ceil(size / PHOTO_TRANSFER.chunkBytes));

/** Why a chunk of a photo of `size` bytes cannot be `length` bytes at `index`, naming the field; null when it fits. */
export function chunkProblem(size: number, index: number, length: number): { field: 'index' | 'data'; reason: string } | null {
  const chunks = photoChunkCount(size);
  if (index >= chunks) return { field: 'index', reason: `must be below ${chunks}: the photo travels in ${chunks} chunks` };
  const expected = index < chunks - 1 ? PHOTO_TRANSFER.chunkBytes : size - (chunks - 1) * PHOTO_TRANSFER.chunkBytes;
  return length === expected ? null : { field: 'data', reason: `must hold ${expected} bytes for chunk ${index}` };
}

/** What an upload announced: the stripped photo's type, size and hash. */
export interface AnnouncedPhoto {
  mediaType: PhotoMediaType;
  size: number;
  sha256: string;
}

/**
 * The photo the chunks make, or why they do not make the announced one (every chunk, the size, the SHA-256, the
 * type by content), with details for the answer (`missingChunks`).
 */
export function assembleChunks(photo: AnnouncedPhoto, chunks: { index: number; data: Buffer }[]): { bytes: Buffer } | { problem: string; details: Record<string, unknown> } {
  const expected = photoChunkCount(photo.size);
  const have = new Set(chunks.map((chunk) => chunk.index));
  const missing = Array.from({ length: expected }, (_, i) => i).filter((i) => !have.has(i));
  if (missing.length > 0) return { problem: `lacks ${missing.length} of its ${expected} chunks`, details: { missingChunks: missing } };
  const bytes = Buffer.concat([...chunks].sort((a, b) => a.index - b.index).map((chunk) => Buffer.from(chunk.data)));
  if (bytes.length !== photo.size) return { problem: `holds ${bytes.length} bytes, not the ${photo.size} announced`, details: {} };
  if (createHash('sha256').update(bytes).digest('hex') !== photo.sha256) return { problem: 'does not match its announced SHA-256', details: {} };
  const sniffed = sniffMediaType(bytes);
  if (!sniffed.photo || sniffed.mediaType !== photo.mediaType) return { problem: `is not ${photo.mediaType} by its content`, details: {} };
  return { bytes };
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

/** One chunk of a photo's bytes, base64. */
export interface PhotoChunk {
  data: string;
}

/** Where a photo says it was taken (EXIF GPS, WGS 84), read before its metadata was stripped. */
export interface PhotoLocation {
  lat: number;
  lng: number;
}

/** The ticket of a photo about to be uploaded: its id and how its bytes travel. */
export const uploadTicket = (photoId: string, size: number): PhotoUploadTicket => ({ photoId, chunkBytes: PHOTO_TRANSFER.chunkBytes, chunks: photoChunkCount(size) });
