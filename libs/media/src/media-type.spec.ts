import { jpegFixture, pngFixture, webpFixture } from '@gridline/testing';
import { sniffMediaType } from './media-type';

describe(sniffMediaType.name, () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffMediaType(jpegFixture())).toEqual({ photo: true, mediaType: 'image/jpeg' });
    expect(sniffMediaType(pngFixture())).toEqual({ photo: true, mediaType: 'image/png' });
    expect(sniffMediaType(webpFixture())).toEqual({ photo: true, mediaType: 'image/webp' });
  });

  it('names HEIC, GIF, PDF, text and unknown content instead of guessing', () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
    expect(sniffMediaType(heic)).toEqual({ photo: false, description: expect.stringContaining('HEIC') });
    expect(sniffMediaType(Buffer.from('GIF89a...'))).toEqual({ photo: false, description: 'a GIF image' });
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toEqual({ photo: false, description: 'a PDF document' });
    expect(sniffMediaType(Buffer.from('这不是照片, just text\n'))).toEqual({ photo: false, description: 'text' });
    expect(sniffMediaType(Buffer.from([0, 1, 2, 3, 4, 5]))).toEqual({ photo: false, description: 'of an unknown type' });
    expect(sniffMediaType(Buffer.alloc(0))).toEqual({ photo: false, description: 'empty' });
  });

  it('is not fooled by a name or a declared type: only the bytes count', () => {
    expect(sniffMediaType(Buffer.from('\xff\xd8 not really', 'latin1')).photo).toBe(false);
    expect(sniffMediaType(Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1')).photo).toBe(false);
  });
});
