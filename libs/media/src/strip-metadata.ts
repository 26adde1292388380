import type { PhotoMediaType } from './media-type';

/** A file that claims a format (by its magic bytes) but does not follow its structure; `reason` says where. */
export class MalformedImageError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'MalformedImageError';
  }
}

/** A photo without its metadata, and what was taken from it before it went. */
export interface StrippedPhoto {
  bytes: Buffer;
  /** The EXIF block (a TIFF structure) the original carried, for reading its location; null when it had none. */
  exif: Buffer | null;
}

/**
 * The photo without EXIF, XMP, IPTC and comments — where it was taken, the camera's serial number, the owner's name,
 * thumbnails that keep the uncropped picture — by walking the format's own structure; the image data is copied
 * untouched. A JPEG keeps its orientation (a one-tag EXIF block) so that a portrait photo still stands upright.
 */
export function stripMetadata(bytes: Buffer, mediaType: PhotoMediaType): StrippedPhoto {
  switch (mediaType) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
  }
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const SOI = Buffer.from([0xff, 0xd8]);
const EOI = 0xd9;
const SOS = 0xda;
/** APP1 (Exif, XMP, extended XMP), APP13 (Photoshop IPTC), COM (free text). */
const JPEG_DROPPED = new Set([0xe1, 0xed, 0xfe]);
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * JPEG: the markers are walked from SOI to EOI, through every scan (a progressive JPEG has several, and metadata may
 * sit between them); APP1, APP13, COM and the APP2 "MPF" index are dropped, and so is anything after EOI (the
 * secondary images of MPF, vendors' trailers — each with EXIF of its own).
 */
export function stripJpeg(bytes: Buffer): StrippedPhoto {
  if (bytes.length < 4 || !bytes.subarray(0, 2).equals(SOI)) throw new MalformedImageError('does not start with a JPEG SOI marker');
  const kept: Buffer[] = [SOI];
  let exif: Buffer | null = null;
  let afterApp0 = 1;
  let at = 2;
  let scanned = false;
  for (;;) {
    if (at + 1 >= bytes.length) throw new MalformedImageError('ends before its EOI marker');
    if (bytes[at] !== 0xff) throw new MalformedImageError(`has no marker at byte ${at}`);
    while (bytes[at + 1] === 0xff && at + 2 < bytes.length) at++; // fill bytes
    const marker = bytes[at + 1];
    if (marker === EOI) {
      if (!scanned) throw new MalformedImageError('has no image data (EOI before any scan)');
      kept.push(bytes.subarray(at, at + 2));
      break;
    }
    if (isStandalone(marker)) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) throw new MalformedImageError('ends inside a segment header');
    const length = bytes.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new MalformedImageError(`has a segment (marker 0x${marker.toString(16)}) longer than the file`);
    const segment = bytes.subarray(at, end);
    const payload = bytes.subarray(at + 4, end);
    if (marker === 0xe1 && exif === null && payload.subarray(0, 6).equals(EXIF_HEADER)) exif = Buffer.from(payload.subarray(6));
    const mpf = marker === 0xe2 && payload.subarray(0, 4).toString('latin1') === 'MPF\0';
    if (!JPEG_DROPPED.has(marker) && !mpf) {
      kept.push(segment);
      if (marker === 0xe0 && kept.length === 2) afterApp0 = 2;
    }
    at = end;
    if (marker === SOS) {
      scanned = true;
      at = endOfEntropyData(bytes, end);
      kept.push(bytes.subarray(end, at));
    }
  }
  const orientation = exif ? tiffOrientation(exif) : null;
  if (orientation !== null && orientation !== 1) kept.splice(afterApp0, 0, orientationSegment(orientation));
  return { bytes: Buffer.concat(kept), exif };
}

/** Where the entropy-coded data of a scan ends: the first marker that is neither a stuffed 0x00 nor a restart. */
function endOfEntropyData(bytes: Buffer, from: number): number {
  let at = from;
  for (;;) {
    at = bytes.indexOf(0xff, at);
    if (at < 0 || at + 1 >= bytes.length) throw new MalformedImageError('ends inside its image data');
    const next = bytes[at + 1];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
      at += next === 0xff ? 1 : 2;
      continue;
    }
    return at;
  }
}

/** The Orientation tag (0x0112) of a TIFF block's first IFD, or null. */
function tiffOrientation(tiff: Buffer): number | null {
  if (tiff.length < 8) return null;
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 Exif segment holding nothing but the Orientation tag. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([EXIF_HEADER, tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** EXIF, and the three text chunks (where XMP, comments, authors and software live). */
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

/** PNG: the chunks are walked from IHDR to IEND; eXIf, tEXt, iTXt and zTXt are dropped, and anything after IEND. */
export function stripPng(bytes: Buffer): StrippedPhoto {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new MalformedImageError('does not start with the PNG signature');
  const kept: Buffer[] = [PNG_SIGNATURE];
  let exif: Buffer | null = null;
  let at = 8;
  for (let index = 0; ; index++) {
    if (at + 12 > bytes.length) throw new MalformedImageError('ends before its IEND chunk');
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MalformedImageError(`has a chunk with an invalid type at byte ${at}`);
    if (length > 0x7fffffff || end > bytes.length) throw new MalformedImageError(`has a chunk (${type}) longer than the file`);
    if (index === 0 && type !== 'IHDR') throw new MalformedImageError('does not start with an IHDR chunk');
    if (type === 'eXIf' && exif === null) exif = Buffer.from(bytes.subarray(at + 8, at + 8 + length));
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return { bytes: Buffer.concat(kept), exif };
}

/** VP8X flags: EXIF and XMP present. */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

/**
 * WebP: the RIFF chunks are walked; EXIF and XMP are dropped, the VP8X header's EXIF and XMP flags cleared and the
 * RIFF size set to what remains. Bytes beyond the RIFF size are dropped.
 */
export function stripWebp(bytes: Buffer): StrippedPhoto {
  if (bytes.length < 12 || bytes.subarray(0, 4).toString('latin1') !== 'RIFF' || bytes.subarray(8, 12).toString('latin1') !== 'WEBP') {
    throw new MalformedImageError('does not start with a RIFF WEBP header');
  }
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length || riffEnd < 12) throw new MalformedImageError('has a RIFF size beyond the end of the file');
  const kept: Buffer[] = [];
  let exif: Buffer | null = null;
  let image = false;
  let at = 12;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) throw new MalformedImageError(`ends inside a chunk header at byte ${at}`);
    const fourcc = bytes.subarray(at, at + 4).toString('latin1');
    const size = bytes.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > riffEnd + (size % 2) || at + 8 + size > riffEnd) throw new MalformedImageError(`has a chunk (${fourcc}) longer than the file`);
    if (['VP8 ', 'VP8L', 'ANIM'].includes(fourcc)) image = true;
    if (fourcc === 'EXIF') {
      const payload = bytes.subarray(at + 8, at + 8 + size);
      // Some writers keep JPEG's "Exif\0\0" prefix in the chunk.
      if (exif === null) exif = Buffer.from(payload.subarray(0, 6).equals(EXIF_HEADER) ? payload.subarray(6) : payload);
    } else if (fourcc !== 'XMP ') {
      const chunk = Buffer.from(bytes.subarray(at, Math.min(end, riffEnd)));
      if (fourcc === 'VP8X' && size >= 1) chunk[8] &= ~(VP8X_EXIF | VP8X_XMP);
      kept.push(chunk.length % 2 === 1 ? Buffer.concat([chunk, Buffer.alloc(1)]) : chunk);
    }
    at = end;
  }
  if (!image) throw new MalformedImageError('has no image chunk (VP8, VP8L or ANIM)');
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return { bytes: Buffer.concat([header, body]), exif };
}
