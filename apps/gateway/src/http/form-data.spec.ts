import fc from 'fast-check';
import { AppError } from '@gridline/platform';
import { multipartBody } from '@gridline/testing';
import { FORM_DATA_LIMITS, formDataBoundary, parseFormData } from './form-data';

const B = '----gridline7MA4YWxk';
const body = (...parts: string[]) => Buffer.from(`${parts.map((p) => `--${B}\r\n${p}\r\n`).join('')}--${B}--\r\n`);
const field = (name: string, value: string) => `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('validation');
    return (error as AppError).message;
  }
  throw new Error('expected a refusal');
}

describe(parseFormData.name, () => {
  it('reads text fields, a repeated name as a list, and file parts with their declared name and type', () => {
    const form = parseFormData(
      body(field('api_key', 'k'), field('description', '垃圾\r\n堆放'), field('media_url', 'https://a/1'), field('media_url', 'https://a/2'), 'Content-Disposition: form-data; name="media"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff'),
      B,
    );
    expect(form).toEqual({
      fields: { api_key: 'k', description: '垃圾\r\n堆放', media_url: ['https://a/1', 'https://a/2'] },
      files: [{ name: 'media', filename: 'a.jpg', contentType: 'image/jpeg', bytes: Buffer.from('\xff\xd8\xff') }],
    });
  });

  it('ignores a preamble and accepts an empty form', () => {
    expect(parseFormData(Buffer.from(`preamble\r\n--${B}\r\n${field('a', '1')}\r\n--${B}--`), B).fields).toEqual({ a: '1' });
    expect(parseFormData(Buffer.from(`--${B}--\r\n`), B)).toEqual({ fields: {}, files: [] });
  });

  it('refuses a body without its boundary, an unterminated one, parts without a name, and values that are not UTF-8', () => {
    expect(refusal(() => parseFormData(Buffer.from('api_key=k'), B))).toContain('boundary');
    expect(refusal(() => parseFormData(Buffer.from(`--${B}\r\n${field('a', '1')}`), B))).toContain('closing boundary');
    expect(refusal(() => parseFormData(body('Content-Disposition: form-data\r\n\r\nx'), B))).toContain('without a name');
    expect(refusal(() => parseFormData(body('Content-Type: text/plain\r\n\r\nx'), B))).toContain('Content-Disposition');
    expect(refusal(() => parseFormData(Buffer.concat([Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\n`), Buffer.from([0xc3, 0x28]), Buffer.from(`\r\n--${B}--`)]), B))).toContain('not UTF-8');
  });

  it('keeps to its limits: parts, field size and header size', () => {
    const limits = { ...FORM_DATA_LIMITS, maxParts: 2, maxFieldBytes: 4, maxHeaderBytes: 80 };
    expect(refusal(() => parseFormData(body(field('a', '1'), field('b', '2'), field('c', '3')), B, limits))).toContain('more than 2 parts');
    expect(refusal(() => parseFormData(body(field('a', '12345')), B, limits))).toContain('longer than 4 bytes');
    expect(refusal(() => parseFormData(body(`X-Long: ${'x'.repeat(100)}\r\n${field('a', '1')}`), B, limits))).toContain('headers');
  });

  it('keeps file bytes exactly, CR LF and a boundary not at a line start included, and a file without a Content-Type', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0x0d, 0x0a, 0x2d, 0x2d]), Buffer.from(`--${B}x\r\n-`), Buffer.from([0, 0xff])]);
    const { body: raw } = multipartBody([{ name: 'photo', filename: '照片.jpg', bytes }, { name: 'stage', value: 'after' }], B);
    const withoutType = Buffer.from(raw.toString('latin1').replace('\r\nContent-Type: application/octet-stream', ''), 'latin1');
    expect(parseFormData(withoutType, B)).toEqual({ fields: { stage: 'after' }, files: [{ name: 'photo', filename: '照片.jpg', contentType: null, bytes }] });
  });

  it('keeps to its file limits with a 413 naming the field: files per body and bytes per file', () => {
    const limits = { ...FORM_DATA_LIMITS, maxFiles: 2, maxFileBytes: 10 };
    const file = (size: number) => ({ name: 'photo', filename: 'p.jpg', bytes: Buffer.alloc(size, 1) });
    const tooLarge = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toMatchObject({ kind: 'too_large', code: 'PAYLOAD_TOO_LARGE', details: { fields: [{ field: 'photo' }] } });
        return (error as AppError).message;
      }
      throw new Error('expected a 413');
    };
    expect(parseFormData(multipartBody([file(10), file(1)], B).body, B, limits).files).toHaveLength(2);
    expect(tooLarge(() => parseFormData(multipartBody([file(11)], B).body, B, limits))).toContain('larger than 10 bytes');
    expect(tooLarge(() => parseFormData(multipartBody([file(1), file(1), file(1)], B).body, B, limits))).toContain('more than 2 files');
  });

  it('reads back any form it is given, and refuses any damaged one with a 4xx, never another error (fast-check)', () => {
    const name = fc.stringMatching(/^[a-z_]{1,12}$/);
    const part = fc.oneof(
      fc.record({ name, value: fc.string({ maxLength: 40 }).filter((v) => !v.includes(`--${B}`)) }),
      fc.record({ name, filename: fc.stringMatching(/^[\w.-]{1,20}$/), bytes: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) }),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean(), (parts, at, byte, damage) => {
        const { body: raw } = multipartBody(parts.map((p) => ('bytes' in p ? { ...p, bytes: p.bytes.includes(Buffer.from(`--${B}`)) ? Buffer.alloc(0) : p.bytes } : p)), B);
        if (!damage) {
          const form = parseFormData(raw, B);
          expect(form.files.map((f) => f.name)).toEqual(parts.filter((p) => 'bytes' in p).map((p) => p.name));
          return;
        }
        const broken = Buffer.from(raw);
        broken[at % broken.length] = byte;
        try {
          parseFormData(broken.subarray(0, broken.length - (at % 7)), B);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect(['validation', 'too_large']).toContain((error as AppError).kind);
        }
      }),
      { seed: 311, numRuns: 400 },
    );
  });

  it('does not let a field named __proto__ reach the prototype', () => {
    const form = parseFormData(body(field('__proto__', 'x')), B);
    expect(Object.getPrototypeOf(form.fields)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe(formDataBoundary.name, () => {
  it('reads a plain or quoted boundary and refuses a missing one', () => {
    expect(formDataBoundary(`multipart/form-data; boundary=${B}`)).toBe(B);
    expect(formDataBoundary('multipart/form-data; charset=utf-8; boundary="a b:c"')).toBe('a b:c');
    expect(refusal(() => formDataBoundary('multipart/form-data'))).toContain('boundary');
  });
});
