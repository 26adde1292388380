/** The photo formats the platform keeps: what browsers and phones show without a plug-in. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

/** What a file's first bytes say it is: a photo format we keep, or a description of what it is instead. */
export type SniffedContent = { photo: true; mediaType: PhotoMediaType } | { photo: false; description: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** ISO BMFF brands of HEIF/HEIC and AVIF, which phones write but browsers mostly cannot show. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/**
 * The type of a file by its content (magic bytes), never by its declared type or name: JPEG (`FF D8 FF`), PNG (its
 * 8-byte signature) and WebP (`RIFF….WEBP`) are photos; HEIC/HEIF, GIF, PDF, text and anything else are named so
 * that a refusal can say what was sent.
 */
export function sniffMediaType(bytes: Buffer): SniffedContent {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { photo: true, mediaType: 'image/jpeg' };
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { photo: true, mediaType: 'image/png' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { photo: true, mediaType: 'image/webp' };
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) {
    return { photo: false, description: ascii(bytes, 8, 12).startsWith('avi') ? 'an AVIF image' : 'a HEIC/HEIF image (convert it to JPEG)' };
  }
  if (ascii(bytes, 0, 4) === 'GIF8') return { photo: false, description: 'a GIF image' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { photo: false, description: 'a PDF document' };
  if (bytes.length === 0) return { photo: false, description: 'empty' };
  if (looksLikeText(bytes.subarray(0, 512))) return { photo: false, description: 'text' };
  return { photo: false, description: 'of an unknown type' };
}

function looksLikeText(head: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastCompleteCharacter(head)));
  } catch {
    return false;
  }
  return !head.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20));
}

/** The prefix of a UTF-8 slice that does not cut a character in two. */
function lastCompleteCharacter(head: Buffer): number {
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = head[end - back];
    if ((byte & 0xc0) === 0x80) continue;
    const width = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (width > back) end -= back;
    break;
  }
  return end;
}
