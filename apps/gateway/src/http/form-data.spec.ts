import { AppError } from '@gridline/platform';
import { formDataBoundary, parseFormData } from './form-data';

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
  it('reads text fields, a repeated name as a list, and names the files without reading them', () => {
    const form = parseFormData(
      body(field('api_key', 'k'), field('description', '垃圾\r\n堆放'), field('media_url', 'https://a/1'), field('media_url', 'https://a/2'), 'Content-Disposition: form-data; name="media"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff'),
      B,
    );
    expect(form).toEqual({ fields: { api_key: 'k', description: '垃圾\r\n堆放', media_url: ['https://a/1', 'https://a/2'] }, files: ['media'] });
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
    const limits = { maxParts: 2, maxFieldBytes: 4, maxHeaderBytes: 80 };
    expect(refusal(() => parseFormData(body(field('a', '1'), field('b', '2'), field('c', '3')), B, limits))).toContain('more than 2 parts');
    expect(refusal(() => parseFormData(body(field('a', '12345')), B, limits))).toContain('longer than 4 bytes');
    expect(refusal(() => parseFormData(body(`X-Long: ${'x'.repeat(100)}\r\n${field('a', '1')}`), B, limits))).toContain('headers');
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
