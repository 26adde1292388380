import { createHash } from 'node:crypto';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { MalformedImageError, readExifLocation, sniffMediaType, stripMetadata, type PhotoMediaType } from '@gridline/media';
import { PHOTO_LIMITS, PHOTO_STAGES, type PhotoStage } from '@gridline/contracts-incidents';
import type { FilePart, FormData } from '../../http/form-data';

/** The form field that carries photos (repeatable), and the one that says their stage. */
export const PHOTO_FIELD = 'photo';
export const STAGE_FIELD = 'stage';

/** The reader's limits for photo uploads: a few files of at most PHOTO_LIMITS.maxBytes. */
export const PHOTO_FORM_LIMITS = { maxParts: PHOTO_LIMITS.maxPerUpload + 4, maxFieldBytes: 64, maxHeaderBytes: 1024, maxFiles: PHOTO_LIMITS.maxPerUpload, maxFileBytes: PHOTO_LIMITS.maxBytes };

/** The body limit of a photo upload route: its files at their largest, and room for the parts' headers. */
export const PHOTO_BODY_LIMIT = PHOTO_LIMITS.maxPerUpload * PHOTO_LIMITS.maxBytes + 64 * 1024;

/** A photo ready to go: stripped bytes, their type, hash and the location they held. */
export interface PreparedPhoto {
  mediaType: PhotoMediaType;
  bytes: Buffer;
  sha256: string;
  exifLocation: { lat: number; lng: number } | null;
}

const invalid = (field: string, reason: string) => AppError.validation([{ field, reasons: [reason] }], `${field} ${reason}`);

/** The stage and the photo files of an upload form; any other field or file is refused, naming it. */
export function readPhotoForm(form: FormData): { stage: PhotoStage; files: FilePart[] } {
  for (const name of Object.keys(form.fields)) {
    if (name !== STAGE_FIELD) throw invalid(name, `is not a field of a photo upload (${PHOTO_FIELD}, ${STAGE_FIELD})`);
  }
  const stage = form.fields[STAGE_FIELD] ?? 'before';
  if (Array.isArray(stage)) throw invalid(STAGE_FIELD, 'must be given once');
  if (!(PHOTO_STAGES as readonly string[]).includes(stage)) throw invalid(STAGE_FIELD, `must be one of ${PHOTO_STAGES.join(', ')}`);
  const other = form.files.find((file) => file.name !== PHOTO_FIELD);
  if (other) throw invalid(other.name, `is not a file field of a photo upload: send photos as ${PHOTO_FIELD}`);
  if (form.files.length === 0) throw invalid(PHOTO_FIELD, 'is required: at least one photo file');
  return { stage: stage as PhotoStage, files: form.files };
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
