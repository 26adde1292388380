/**
 * Small photo files built byte by byte for tests: structurally valid JPEG, PNG and WebP with the metadata a phone
 * writes (EXIF with GPS, XMP, IPTC, text chunks), so that sniffing, stripping and the upload path can be tested
 * without binary fixtures in the repository. The image data itself is filler: nothing here decodes pixels.
 */
export interface PhotoFixtureOptions {
  /** GPS position written into the EXIF block. */
  gps?: { lat: number; lng: number };
  /** EXIF Orientation (1–8). */
  orientation?: number;
  /** Add an XMP packet (and, for JPEG, an APP13 IPTC block and a comment; for PNG, tEXt/iTXt/zTXt). */
  xmp?: boolean;
  /** Pad the image data to about this many bytes (to test sizes and chunking). */
  size?: number;
}

const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="37,27.6N" dc:creator="张三"/></rdf:RDF></x:xmpmeta>';

/** A big-endian TIFF block: IFD0 with Make (and Orientation), and a GPS IFD when a position is given. */
export function exifTiff(options: PhotoFixtureOptions): Buffer {
  const entries: { tag: number; type: number; count: number; value: Buffer }[] = [];
  const make = Buffer.from('GridlineCam\0', 'latin1');
  entries.push({ tag: 0x010f, type: 2, count: make.length, value: make });
  if (options.orientation) entries.push({ tag: 0x0112, type: 3, count: 1, value: Buffer.from([0, options.orientation, 0, 0]) });
  if (options.gps) entries.push({ tag: 0x8825, type: 4, count: 1, value: Buffer.alloc(4) }); // pointer, filled below
  const ifd0Size = 2 + entries.length * 12 + 4;
  const ifd0 = 8;
  let dataAt = ifd0 + ifd0Size;
  const data: Buffer[] = [];
  const tail = (buffer: Buffer) => {
    const at = dataAt;
    data.push(buffer);
    dataAt += buffer.length;
    return at;
  };
  const ifd = (list: typeof entries) => {
    const out = Buffer.alloc(2 + list.length * 12 + 4);
    out.writeUInt16BE(list.length, 0);
    list.forEach((entry, i) => {
      const at = 2 + i * 12;
      out.writeUInt16BE(entry.tag, at);
      out.writeUInt16BE(entry.type, at + 2);
      out.writeUInt32BE(entry.count, at + 4);
      if (entry.value.length <= 4) entry.value.copy(out, at + 8);
      else out.writeUInt32BE(tail(entry.value), at + 8);
    });
    return out;
  };
  const header = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]);
  const first = ifd(entries);
  if (options.gps) {
    const rational = (value: number) => {
      const abs = Math.abs(value);
      const degrees = Math.floor(abs);
      const minutes = Math.floor((abs - degrees) * 60);
      const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 10000);
      const out = Buffer.alloc(24);
      [degrees, 1, minutes, 1, seconds, 10000].forEach((n, i) => out.writeUInt32BE(n, i * 4));
      return out;
    };
    const gps = [
      { tag: 0x0001, type: 2, count: 2, value: Buffer.from(options.gps.lat >= 0 ? 'N\0' : 'S\0', 'latin1') },
      { tag: 0x0002, type: 5, count: 3, value: rational(options.gps.lat) },
      { tag: 0x0003, type: 2, count: 2, value: Buffer.from(options.gps.lng >= 0 ? 'E\0' : 'W\0', 'latin1') },
      { tag: 0x0004, type: 5, count: 3, value: rational(options.gps.lng) },
    ];
    const gpsAt = dataAt;
    const gpsIfdSize = 2 + gps.length * 12 + 4;
    dataAt += gpsIfdSize;
    const placeholder = Buffer.alloc(gpsIfdSize);
    data.push(placeholder);
    ifd(gps).copy(placeholder);
    first.writeUInt32BE(gpsAt, 2 + (entries.length - 1) * 12 + 8);
  }
  return Buffer.concat([header, first, ...data]);
}

const segment = (marker: number, payload: Buffer) => {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
};

/** Filler entropy data without 0xFF bytes, so that no marker appears inside it. */
const filler = (size: number) => {
  const out = Buffer.alloc(Math.max(size, 16));
  for (let i = 0; i < out.length; i++) out[i] = (i * 7919 + 13) % 255;
  return out;
};

/** A JPEG: SOI, APP0 JFIF, APP1 Exif, [APP1 XMP, APP13, COM], DQT, SOF0, DHT, SOS, data, EOI. */
export function jpegFixture(options: PhotoFixtureOptions = {}): Buffer {
  const parts = [Buffer.from([0xff, 0xd8]), segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'))];
  if (options.gps || options.orientation) parts.push(segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(options)])));
  if (options.xmp) {
    parts.push(segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${XMP}`, 'utf8')));
    parts.push(segment(0xed, Buffer.from('Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x08\x1c\x02\x50\0\x04Zhan', 'latin1')));
    parts.push(segment(0xfe, Buffer.from('taken by Zhang San', 'latin1')));
  }
  parts.push(segment(0xdb, Buffer.alloc(65, 1)));
  parts.push(segment(0xc0, Buffer.from([8, 0, 16, 0, 16, 1, 1, 0x11, 0])));
  parts.push(segment(0xc4, Buffer.alloc(30, 0)));
  parts.push(segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])));
  const used = parts.reduce((n, p) => n + p.length, 0) + 2;
  parts.push(filler((options.size ?? 0) - used));
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

const pngChunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/** A PNG: signature, IHDR, [eXIf], [tEXt, iTXt XMP, zTXt], IDAT, IEND. */
export function pngFixture(options: PhotoFixtureOptions = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16, 0);
  ihdr.writeUInt32BE(16, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)];
  if (options.gps || options.orientation) parts.push(pngChunk('eXIf', exifTiff(options)));
  if (options.xmp) {
    parts.push(pngChunk('tEXt', Buffer.from('Author\0Zhang San', 'latin1')));
    parts.push(pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${XMP}`, 'utf8')));
    parts.push(pngChunk('zTXt', Buffer.from('Comment\0\0x', 'latin1')));
  }
  parts.push(pngChunk('IDAT', filler((options.size ?? 0) - 100)));
  parts.push(pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

const riffChunk = (fourcc: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
};

/** An extended WebP: RIFF, VP8X (flags set for what it holds), VP8, [EXIF], [XMP]. */
export function webpFixture(options: PhotoFixtureOptions = {}): Buffer {
  const withExif = !!(options.gps || options.orientation);
  const vp8x = Buffer.alloc(10);
  vp8x[0] = (withExif ? 0x08 : 0) | (options.xmp ? 0x04 : 0);
  vp8x.writeUIntLE(15, 4, 3);
  vp8x.writeUIntLE(15, 7, 3);
  const chunks = [riffChunk('VP8X', vp8x), riffChunk('VP8 ', filler((options.size ?? 0) - 60))];
  if (withExif) chunks.push(riffChunk('EXIF', exifTiff(options)));
  if (options.xmp) chunks.push(riffChunk('XMP ', Buffer.from(XMP, 'utf8')));
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

/** A multipart/form-data body of the given parts, and its content type. */
export function multipartBody(parts: ({ name: string; value: string } | { name: string; filename: string; contentType?: string; bytes: Buffer })[], boundary = 'gridline-test-boundary'): { body: Buffer; contentType: string } {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = 'filename' in part ? `form-data; name="${part.name}"; filename="${part.filename}"` : `form-data; name="${part.name}"`;
    const type = 'filename' in part ? `\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}` : '';
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
    pieces.push('filename' in part ? part.bytes : Buffer.from(part.value, 'utf8'));
    pieces.push(Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}
