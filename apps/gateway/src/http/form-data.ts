import { AppError } from '@gridline/platform';

/** Limits of a multipart/form-data body's fields; the body's own size is the gateway's body limit. */
export interface FormDataLimits {
  /** Parts (fields and files) in one body. */
  maxParts: number;
  /** Bytes of one field's value. */
  maxFieldBytes: number;
  /** Bytes of one part's headers. */
  maxHeaderBytes: number;
}

export const FORM_DATA_LIMITS: FormDataLimits = { maxParts: 100, maxFieldBytes: 16 * 1024, maxHeaderBytes: 1024 };

/** What a multipart/form-data body holds: its text fields (a repeated name as a list) and the names of its files. */
export interface FormData {
  fields: Record<string, string | string[]>;
  files: string[];
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

/**
 * A strict multipart/form-data reader (RFC 7578) for forms of text fields: every part needs a
 * `Content-Disposition: form-data; name="…"`, field values are UTF-8, and the body ends with its closing delimiter.
 * Files (parts with a filename) are not read: only their field names are answered, for the caller to ignore or
 * refuse. Anything malformed is a 400 naming the body, not a guess.
 */
export function parseFormData(body: Buffer, boundary: string, limits: FormDataLimits = FORM_DATA_LIMITS): FormData {
  const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  const files: string[] = [];
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
    const disposition = partDisposition(body.subarray(at, headersEnd).toString('utf8'));
    const contentStart = headersEnd + HEADERS_END.length;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), contentStart);
    if (next < 0) throw invalid('ends before its closing boundary');
    if (disposition.filename !== undefined) {
      files.push(disposition.name);
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
