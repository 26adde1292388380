import { createHash } from 'node:crypto';
import { StreamableFile } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, CommonErrorCode } from '@gridline/platform';
import {
  MalformedImageError,
  PHOTO_MEDIA_TYPES,
  PHOTO_TRANSFER,
  readExifLocation,
  sniffMediaType,
  stripMetadata,
  type BeginPhotoUploadResult,
  type PhotoChunkAck,
  type PhotoMediaType,
  type PhotoUploadSpecDto,
  type PhotoUploadTicket,
} from '@gridline/media';
import { MultipartForm, type FilePart, type FormData } from './form-data';

/**
 * The gateway's one photo pipeline, for every owner of photos (cases, activity reports): the multipart form, each
 * photo typed by content, its EXIF location read and its metadata stripped, the stripped copy sent in chunks over
 * the bus (begin → chunks → commit), and read back chunk by chunk, checked against its SHA-256, served privately.
 */

/** The form field that carries photos (repeatable). */
export const PHOTO_FIELD = 'photo';

/** The reader's limits for photo uploads: a few files of at most PHOTO_TRANSFER.maxBytes. */
export const PHOTO_FORM_LIMITS = { maxParts: PHOTO_TRANSFER.maxPerUpload + 4, maxFieldBytes: 64, maxHeaderBytes: 1024, maxFiles: PHOTO_TRANSFER.maxPerUpload, maxFileBytes: PHOTO_TRANSFER.maxBytes };

/** The body limit of a photo upload route: its files at their largest, and room for the parts' headers. */
export const PHOTO_BODY_LIMIT = PHOTO_TRANSFER.maxPerUpload * PHOTO_TRANSFER.maxBytes + 64 * 1024;

/** The photo upload routes (their Fastify URL patterns, POST): the only ones with PHOTO_BODY_LIMIT and a multipart body. */
const PHOTO_UPLOAD_ROUTES = [/^\/api\/v1\/incidents\/:id\/photos$/, /^\/api\/v1\/party\/activities\/:id\/report\/photos$/];

export const isPhotoUploadRoute = (url: string, method: string): boolean => method === 'POST' && PHOTO_UPLOAD_ROUTES.some((route) => route.test(url));

/** A photo ready to go: stripped bytes, their type, hash and the location they held. */
export interface PreparedPhoto {
  mediaType: PhotoMediaType;
  bytes: Buffer;
  sha256: string;
  exifLocation: { lat: number; lng: number } | null;
}

const invalid = (field: string, reason: string) => AppError.validation([{ field, reasons: [reason] }], `${field} ${reason}`);

/** The photo form of a request: what the gateway's multipart reader made of the body, or a 415 for anything else. */
export function photoForm(request: FastifyRequest): MultipartForm {
  if (request.body instanceof MultipartForm) return request.body;
  throw new AppError(CommonErrorCode.UnsupportedMediaType, 'unsupported_media', `This route takes multipart/form-data: the photos as file fields named ${PHOTO_FIELD}`);
}

/** The photo files of an upload form and its text fields among `fields`; any other field or file is refused, naming it. */
export function readPhotoFiles(form: FormData, fields: readonly string[] = []): FilePart[] {
  for (const name of Object.keys(form.fields)) {
    if (!fields.includes(name)) throw invalid(name, `is not a field of a photo upload (${[PHOTO_FIELD, ...fields].join(', ')})`);
  }
  const other = form.files.find((file) => file.name !== PHOTO_FIELD);
  if (other) throw invalid(other.name, `is not a file field of a photo upload: send photos as ${PHOTO_FIELD}`);
  if (form.files.length === 0) throw invalid(PHOTO_FIELD, 'is required: at least one photo file');
  return form.files;
}

/**
 * One photo made ready to store: its type by content (never the declared type or the name: 415 naming the field
 * otherwise), its EXIF location read, then its metadata stripped (a file that is not a well-formed image of its
 * type is a 400 naming the field).
 */
export async function preparePhoto(file: FilePart, position: number, count: number): Promise<PreparedPhoto> {
  const which = count > 1 ? `file ${position + 1} (${file.filename})` : `the file (${file.filename})`;
  const sniffed = sniffMediaType(file.bytes);
  if (!sniffed.photo) {
    const reason = `${which} is ${sniffed.description}, not a JPEG, PNG or WebP photo`;
    throw new AppError(CommonErrorCode.UnsupportedMediaType, 'unsupported_media', `${PHOTO_FIELD}: ${reason}`, { fields: [{ field: PHOTO_FIELD, reasons: [reason] }] });
  }
  let stripped;
  try {
    stripped = stripMetadata(file.bytes, sniffed.mediaType);
  } catch (error) {
    if (error instanceof MalformedImageError) throw invalid(PHOTO_FIELD, `${which} is not a well-formed ${sniffed.mediaType.slice(6).toUpperCase()}: it ${error.reason}`);
    throw error;
  }
  const exifLocation = await readExifLocation(stripped.exif);
  return { mediaType: sniffed.mediaType, bytes: stripped.bytes, sha256: createHash('sha256').update(stripped.bytes).digest('hex'), exifLocation };
}

/** Every file of a form made ready, in order, before anything is sent. */
export async function prepareAll(files: FilePart[]): Promise<PreparedPhoto[]> {
  const prepared: PreparedPhoto[] = [];
  for (const [i, file] of files.entries()) prepared.push(await preparePhoto(file, i, files.length));
  return prepared;
}

/** How an owner's service takes photos over the bus, bound to the caller and what the photos belong to. */
export interface PhotoUploadTransport<View> {
  begin(photos: PhotoUploadSpecDto[]): Promise<BeginPhotoUploadResult>;
  sendChunk(photoId: string, index: number, bytes: Buffer): Promise<PhotoChunkAck>;
  commit(photoId: string): Promise<View>;
}

/**
 * Uploads prepared photos: begin (announcing each stripped copy; with the client's Idempotency-Key a retry gets the
 * same photos), every chunk, commit. A photo is visible only once committed; an upload that stops half way expires.
 */
export async function uploadPhotos<View>(transport: PhotoUploadTransport<View>, prepared: PreparedPhoto[]): Promise<View[]> {
  const { uploads } = await transport.begin(prepared.map(({ mediaType, bytes, sha256, exifLocation }) => ({ mediaType, size: bytes.length, sha256, ...(exifLocation ? { exifLocation } : {}) })));
  const stored: View[] = [];
  for (const [i, ticket] of uploads.entries()) stored.push(await send(transport, ticket, prepared[i].bytes));
  return stored;
}

async function send<View>(transport: PhotoUploadTransport<View>, ticket: PhotoUploadTicket, bytes: Buffer): Promise<View> {
  for (let index = 0; index < ticket.chunks; index++) {
    const chunk = bytes.subarray(index * ticket.chunkBytes, (index + 1) * ticket.chunkBytes);
    // A retried upload whose photo is already stored: nothing more to send.
    if ((await transport.sendChunk(ticket.photoId, index, chunk)).stored) break;
  }
  return transport.commit(ticket.photoId);
}

/** A stored photo's bytes, read chunk by chunk and checked whole against its size and SHA-256. */
export async function readPhotoBytes(photo: { id: string; size: number; sha256: string }, chunks: number, readChunk: (index: number) => Promise<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let index = 0; index < chunks; index++) parts.push(await readChunk(index));
  const bytes = Buffer.concat(parts);
  if (bytes.length !== photo.size || createHash('sha256').update(bytes).digest('hex') !== photo.sha256) {
    throw new AppError(CommonErrorCode.Internal, 'internal', `Photo ${photo.id} did not come back whole from the store`);
  }
  return bytes;
}

/** The answer of a photo read: the bytes, private to the caller's browser, never sniffed, shown inline. */
export function servePhoto(reply: FastifyReply, photo: { id: string; mediaType: PhotoMediaType }, bytes: Buffer): StreamableFile {
  void reply
    // Personal, but the same bytes for good: the browser may keep it a while, no shared cache may.
    .header('Cache-Control', 'private, max-age=300')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Disposition', `inline; filename="${photo.id}.${photo.mediaType.slice(6)}"`);
  return new StreamableFile(bytes, { type: photo.mediaType, length: bytes.length });
}

/** The OpenAPI schema of the upload body: 1 to maxPerUpload files in `photo`, and the route's own fields. */
export function photoUploadBodySchema(fields: Record<string, object> = {}) {
  return {
    type: 'object',
    required: [PHOTO_FIELD],
    properties: { [PHOTO_FIELD]: { type: 'array', items: { type: 'string', format: 'binary' }, maxItems: PHOTO_TRANSFER.maxPerUpload }, ...fields },
  };
}

/** The OpenAPI properties every stored photo shows (an owner adds its own). */
export const PHOTO_VIEW_PROPERTIES: Record<string, SchemaObject> = {
  id: { type: 'string', format: 'uuid' },
  mediaType: { type: 'string', enum: [...PHOTO_MEDIA_TYPES] },
  size: { type: 'integer' },
  sha256: { type: 'string' },
  exifLocation: { type: 'object', nullable: true, properties: { lat: { type: 'number' }, lng: { type: 'number' } }, description: 'Where the photo says it was taken (EXIF GPS), read before its metadata was stripped' },
  url: { type: 'string', description: 'GET it for the bytes' },
  uploadedBy: { type: 'string' },
  createdAt: { type: 'string', format: 'date-time' },
};

/** What the upload routes say of their checks, for their OpenAPI description. */
export const PHOTO_UPLOAD_RULES =
  `multipart/form-data with 1 to ${PHOTO_TRANSFER.maxPerUpload} files in \`${PHOTO_FIELD}\` (JPEG, PNG or WebP by content — the declared type and name count for nothing; ` +
  `at most ${PHOTO_TRANSFER.maxBytes} bytes each). The EXIF GPS position is kept as \`exifLocation\`; the stored copy carries no EXIF, XMP, IPTC or text (a JPEG keeps its orientation). ` +
  `413 naming ${PHOTO_FIELD} for a larger file, 415 naming ${PHOTO_FIELD} for a file that is not a photo.`;
