import exifr from 'exifr';
import fc from 'fast-check';
import { jpegFixture, pngFixture, webpFixture } from '@gridline/testing';
import { readExifLocation } from './exif-location';
import { MalformedImageError, stripJpeg, stripMetadata, stripPng, stripWebp } from './strip-metadata';

const GPS = { lat: 37.4612, lng: 118.5081 };
const has = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'utf8'));

describe(stripMetadata.name, () => {
  it('leaves a photo without metadata exactly as it was, image data included', () => {
    for (const [fixture, type] of [[jpegFixture({ size: 5000 }), 'image/jpeg'], [pngFixture({ size: 5000 }), 'image/png'], [webpFixture({ size: 5000 }), 'image/webp']] as const) {
      expect(stripMetadata(fixture, type).bytes).toEqual(fixture);
    }
  });

  it('takes out exactly the metadata: the stripped copy of a phone photo is the same photo without it', () => {
    expect(stripJpeg(jpegFixture({ gps: GPS, xmp: true })).bytes).toEqual(jpegFixture());
    expect(stripPng(pngFixture({ gps: GPS, xmp: true })).bytes).toEqual(pngFixture());
    expect(stripWebp(webpFixture({ gps: GPS, xmp: true })).bytes).toEqual(webpFixture());
  });

  describe('JPEG', () => {
    it('drops EXIF, XMP, IPTC and comments, keeps the image segments, and reads the location first', async () => {
      const original = jpegFixture({ gps: GPS, xmp: true });
      expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(GPS.lat, 6) });

      const { bytes, exif } = stripJpeg(original);

      expect(await readExifLocation(exif)).toEqual(GPS);
      expect(await exifr.gps(bytes)).toBeUndefined();
      const left = await exifr.parse(bytes, { tiff: true, xmp: true, iptc: true, gps: true, jfif: false, ihdr: false });
      expect(left).toBeUndefined();
      for (const text of ['Exif', 'GridlineCam', 'xmpmeta', 'Photoshop', 'Zhang San']) expect(has(bytes, text)).toBe(false);
      // Image segments (JFIF, DQT, SOF0, DHT, SOS and its data, EOI) are copied as they were.
      expect(has(bytes, 'JFIF')).toBe(true);
      expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
      expect(bytes.length).toBeLessThan(original.length);
    });

    it('keeps the orientation alone, so a portrait photo still stands upright', async () => {
      const { bytes } = stripJpeg(jpegFixture({ gps: GPS, orientation: 6 }));
      expect(await exifr.parse(bytes, { tiff: true, gps: true, jfif: false })).toEqual({ Orientation: 'Rotate 90 CW' });
      expect(await exifr.gps(bytes)).toBeUndefined();
    });

    it('drops what follows EOI (MPF images, vendor trailers with their own EXIF)', () => {
      const trailer = jpegFixture({ gps: GPS });
      const { bytes } = stripJpeg(Buffer.concat([jpegFixture(), trailer]));
      expect(bytes).toEqual(stripJpeg(jpegFixture()).bytes);
    });

    it('is idempotent: a stripped photo strips to itself', () => {
      const once = stripJpeg(jpegFixture({ gps: GPS, xmp: true, orientation: 3 })).bytes;
      expect(stripJpeg(once).bytes).toEqual(once);
    });

    it('refuses a file that is not a well-formed JPEG, saying where', () => {
      const good = jpegFixture({ gps: GPS });
      expect(() => stripJpeg(good.subarray(0, 40))).toThrow(MalformedImageError);
      expect(() => stripJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toThrow('has no image data');
      const long = Buffer.from(good);
      long.writeUInt16BE(0xfff0, 4); // APP0 claims more than the file holds
      expect(() => stripJpeg(long)).toThrow('longer than the file');
    });

    it('never fails otherwise on garbage after a JPEG signature (fast-check)', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
          try {
            const { bytes } = stripJpeg(Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from(tail)]));
            expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
          } catch (error) {
            expect(error).toBeInstanceOf(MalformedImageError);
          }
        }),
        { seed: 9, numRuns: 500 },
      );
    });
  });

  describe('PNG', () => {
    it('drops eXIf, tEXt, iTXt and zTXt and keeps IHDR, IDAT and IEND', async () => {
      const original = pngFixture({ gps: GPS, xmp: true });
      expect(await exifr.gps(original)).toBeDefined();

      const { bytes, exif } = stripPng(original);

      expect(await readExifLocation(exif)).toEqual(GPS);
      expect(await exifr.gps(bytes)).toBeUndefined();
      for (const text of ['eXIf', 'tEXt', 'iTXt', 'zTXt', 'Zhang San', 'xmpmeta']) expect(has(bytes, text)).toBe(false);
      for (const text of ['IHDR', 'IDAT', 'IEND']) expect(has(bytes, text)).toBe(true);
      expect(stripPng(bytes).bytes).toEqual(bytes);
    });

    it('refuses a PNG without IHDR first or without IEND', () => {
      const good = pngFixture();
      expect(() => stripPng(good.subarray(0, good.length - 12))).toThrow('ends before its IEND chunk');
      const noHeader = Buffer.concat([good.subarray(0, 8), good.subarray(8 + 25)]);
      expect(() => stripPng(noHeader)).toThrow('IHDR');
    });
  });

  describe('WebP', () => {
    it('drops EXIF and XMP, clears their VP8X flags and fixes the RIFF size', async () => {
      const original = webpFixture({ gps: GPS, xmp: true });
      expect(original[12 + 8] & 0x0c).toBe(0x0c);

      const { bytes, exif } = stripWebp(original);

      expect(await readExifLocation(exif)).toEqual(GPS);
      expect(has(bytes, 'EXIF')).toBe(false);
      expect(has(bytes, 'XMP ')).toBe(false);
      expect(has(bytes, 'GridlineCam')).toBe(false);
      expect(bytes[12 + 8] & 0x0c).toBe(0);
      expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
      expect(has(bytes, 'VP8 ')).toBe(true);
      expect(stripWebp(bytes).bytes).toEqual(bytes);
    });

    it('refuses a RIFF that is not a WebP image', () => {
      const good = webpFixture();
      const short = Buffer.from(good);
      short.writeUInt32LE(good.length * 2, 4);
      expect(() => stripWebp(short)).toThrow('RIFF size');
      const noImage = webpFixture().subarray(0, 12 + 18);
      noImage.writeUInt32LE(noImage.length - 8, 4);
      expect(() => stripWebp(noImage)).toThrow('no image chunk');
    });
  });

  it('answers null for a photo without a location', async () => {
    expect(await readExifLocation(stripMetadata(jpegFixture(), 'image/jpeg').exif)).toBeNull();
    expect(await readExifLocation(stripMetadata(pngFixture({ orientation: 1 }), 'image/png').exif)).toBeNull();
    expect(await readExifLocation(Buffer.from('not a tiff block'))).toBeNull();
  });
});
