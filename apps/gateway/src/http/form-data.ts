import { AppError, CommonErrorCode, fieldInvalid } from '@gridline/platform';

/** Limits of a multipart/form-data body's parts; the body's own size is the route's body limit. */
export interface FormDataLimits {
  /** Parts (fields and files) in one body. */
  maxParts: number;
  /** Bytes of one field's value. */
  maxFieldBytes: number;
  /** Bytes of one part's headers. */
  maxHeaderBytes: number;
  /** Files in one body (413 naming the file's field beyond). */
  maxFiles: number;
  /** Bytes of one file (413 naming its field beyond). */
  maxFileBytes: number;
}

/** Open311's forms: a photo a client attaches is read but not kept, within the gateway's body limit. */
export const FORM_DATA_LIMITS: FormDataLimits = { maxParts: 100, maxFieldBytes: 16 * 1024, maxHeaderBytes: 1024, maxFiles: 100, maxFileBytes: Number.MAX_SAFE_INTEGER };

/** A file part: its field name, the file name and content type the client declared (neither trusted), its bytes. */
export interface FilePart {
  name: string;
  filename: string;
  /** The part's Content-Type as sent, or null: a claim, not a fact; sniff the bytes. */
  contentType: string | null;
  bytes: Buffer;
}

/** What a multipart/form-data body holds: its text fields (a repeated name as a list) and its files, in order. */
export interface FormData {
  fields: Record<string, string | string[]>;
  files: FilePart[];
}

/** A form as a route that takes files receives it (the body parser's own class: no JSON body can pass for one). */
export class MultipartForm implements FormData {
  constructor(
    readonly fields: Record<string, string | string[]>,
    readonly files: FilePart[],
  ) {}
}

const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/;
const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

const invalid = (reason: string) => AppError.validation([{ field: 'body', reasons: [reason] }], `The multipart/form-data body ${reason}`);

/** The boundary of a `multipart/form-data; boundary=…` content type (RFC 2046 §5.1.1), or a 400 naming the body. */
export function formDataBoundary(contentType: string | undefined): string {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary || !BOUNDARY.test(boundary) || boundary.endsWith(' ')) throw invalid('has no valid boundary in its Content-Type');
  return boundary;
}

const tooLarge = (field: string, reason: string) => fieldInvalid(CommonErrorCode.PayloadTooLarge, field, reason, 'too_large');

/**
 * The one strict multipart/form-data reader (RFC 7578) of the gateway: every part needs a
 * `Content-Disposition: form-data; name="…"`, field values are UTF-8, and the body ends with its closing delimiter.
 * Files (parts with a filename) come back with their bytes (a view into the body, not a copy), declared name and
 * type, within `maxFiles` and `maxFileBytes` (413 naming the file's field). Anything malformed is a 400 naming the
 * body, not a guess.
 */
export function parseFormData(body: Buffer, boundary: string, limits: FormDataLimits = FORM_DATA_LIMITS): FormData {
  const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  const files: FilePart[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  // The first delimiter may follow a preamble, which is ignored; it starts the body or a line.
  let at = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(Buffer.concat([CRLF, delimiter]));
  if (at < 0) throw invalid('does not contain its boundary');
  if (at > 0) at += CRLF.length;
  let parts = 0;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return { fields: { ...fields }, files };
    if (!body.subarray(at, at + 2).equals(CRLF)) throw invalid('has a boundary line that is not followed by a line break');
    at += CRLF.length;
    if (++parts > limits.maxParts) throw invalid(`has more than ${limits.maxParts} parts`);
    const headersEnd = body.indexOf(HEADERS_END, at);
    if (headersEnd < 0 || headersEnd - at > limits.maxHeaderBytes) throw invalid('has a part whose headers do not end (or are too long)');
    const headers = body.subarray(at, headersEnd).toString('utf8');
    const disposition = partDisposition(headers);
    const contentStart = headersEnd + HEADERS_END.length;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), contentStart);
    if (next < 0) throw invalid('ends before its closing boundary');
    if (disposition.filename !== undefined) {
      if (files.length >= limits.maxFiles) throw tooLarge(disposition.name, `holds more than ${limits.maxFiles} file${limits.maxFiles === 1 ? '' : 's'}`);
      if (next - contentStart > limits.maxFileBytes) throw tooLarge(disposition.name, `has a file larger than ${limits.maxFileBytes} bytes`);
      files.push({ name: disposition.name, filename: disposition.filename, contentType: partContentType(headers), bytes: body.subarray(contentStart, next) });
    } else {
      if (next - contentStart > limits.maxFieldBytes) throw invalid(`has a field (${disposition.name}) longer than ${limits.maxFieldBytes} bytes`);
      const content = body.subarray(contentStart, next);
      const value = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      let text: string;
      try {
        text = value.decode(content);
      } catch {
        throw invalid(`has a field (${disposition.name}) that is not UTF-8`);
      }
      const earlier = fields[disposition.name];
      fields[disposition.name] = earlier === undefined ? text : [earlier, text].flat();
    }
    at = next + CRLF.length;
  }
}

/** The name (and filename, for a file) of a part's `Content-Disposition: form-data` header. */
function partDisposition(headers: string): { name: string; filename?: string } {
  const line = headers.split('\r\n').find((h) => /^content-disposition\s*:/i.test(h));
  const value = line?.slice(line.indexOf(':') + 1).trim() ?? '';
  if (!/^form-data\s*(;|$)/i.test(value)) throw invalid('has a part without Content-Disposition: form-data');
  const parameter = (key: string) => {
    const match = new RegExp(`;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s"]+))`, 'i').exec(value);
    return match ? (match[1]?.replace(/\\(.)/g, '$1') ?? match[2]) : undefined;
  };
  const name = parameter('name');
  if (!name) throw invalid('has a part without a name');
  const filename = parameter('filename');
  return filename === undefined ? { name } : { name, filename };
}

/** A part's declared Content-Type (RFC 7578 §4.4), or null. */
function partContentType(headers: string): string | null {
  const line = headers.split('\r\n').find((h) => /^content-type\s*:/i.test(h));
  const value = line?.slice(line.indexOf(':') + 1).trim();
  return value ? value.slice(0, 200) : null;
}
