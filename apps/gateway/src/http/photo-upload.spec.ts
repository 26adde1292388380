import exifr from 'exifr';
import { AppError } from '@gridline/platform';
import { jpegFixture, webpFixture } from '@gridline/testing';
import { MultipartForm, type FilePart } from './form-data';
import { preparePhoto, readPhotoFiles } from './photo-upload';

const file = (bytes: Buffer, over: Partial<FilePart> = {}): FilePart => ({ name: 'photo', filename: 'IMG_1.jpg', contentType: 'image/jpeg', bytes, ...over });
const refusal = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { kind: (error as AppError).kind, fields: (error as AppError).details?.fields };
  }
  throw new Error('expected a refusal');
};

describe(readPhotoFiles.name, () => {
  it('takes the photo files and the route’s own fields, refusing any other, naming it', async () => {
    const photos = [file(Buffer.alloc(1))];
    expect(readPhotoFiles(new MultipartForm({}, photos))).toEqual(photos);
    expect(readPhotoFiles(new MultipartForm({ stage: 'after' }, photos), ['stage'])).toEqual(photos);
    expect(await refusal(() => readPhotoFiles(new MultipartForm({ stage: 'after' }, photos)))).toMatchObject({ fields: [{ field: 'stage' }] });
    expect(await refusal(() => readPhotoFiles(new MultipartForm({}, [])))).toMatchObject({ fields: [{ field: 'photo' }] });
  });
});

describe(preparePhoto.name, () => {
  it('types the photo by its bytes, keeps its EXIF location and strips the copy', async () => {
    const prepared = await preparePhoto(file(webpFixture({ gps: { lat: 37.5, lng: 118.5 }, xmp: true }), { filename: 'x.jpg', contentType: 'image/jpeg' }), 0, 1);

    expect(prepared).toMatchObject({ mediaType: 'image/webp', exifLocation: { lat: 37.5, lng: 118.5 }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(prepared.bytes.includes(Buffer.from('EXIF'))).toBe(false);
  });

  it('answers null for a photo that says nothing of where it was taken', async () => {
    const prepared = await preparePhoto(file(jpegFixture()), 0, 1);
    expect(prepared.exifLocation).toBeNull();
    expect(await exifr.gps(prepared.bytes)).toBeUndefined();
  });

  it('refuses text, HEIC and a broken JPEG, naming the field photo and which file', async () => {
    expect(await refusal(() => preparePhoto(file(Buffer.from('hello\n')), 1, 2))).toEqual({ kind: 'unsupported_media', fields: [{ field: 'photo', reasons: ['file 2 (IMG_1.jpg) is text, not a JPEG, PNG or WebP photo'] }] });
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'latin1'), Buffer.alloc(16)]);
    expect(await refusal(() => preparePhoto(file(heic), 0, 1))).toMatchObject({ kind: 'unsupported_media', fields: [{ reasons: [expect.stringContaining('HEIC')] }] });
    expect(await refusal(() => preparePhoto(file(jpegFixture().subarray(0, 50)), 0, 1))).toMatchObject({ kind: 'validation', fields: [{ field: 'photo', reasons: [expect.stringContaining('not a well-formed JPEG')] }] });
  });
});
