import { STATUS_CODES } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { AppError, CommonErrorCode, type FieldError } from '@gridline/platform';

/**
 * A fault in a request that Fastify (or the gateway before any route) finds — bad JSON, a body too large, an
 * unsupported content type, a URL that is not validly percent-encoded — as the gateway answers it: its status, a
 * stable code and, for bad input, the field at fault. Both error envelopes (problem+json, Open311's) are built
 * from it, so a fault looks the same whether it is raised before routing or in a handler.
 */
export interface InputFault {
  status: number;
  code: string;
  message: string;
  fields?: FieldError[];
}

export const InputErrorCode = {
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  UriTooLong: 'URI_TOO_LONG',
} as const;

const invalid = (field: string, reason: string, message = `${field} ${reason}`): InputFault => ({
  status: 400,
  code: CommonErrorCode.ValidationFailed,
  message,
  fields: [{ field, reasons: [reason] }],
});

/** The fault a Fastify error stands for, or null when it is not a client's fault (a 5xx, or no Fastify error). */
export function frameworkFault(error: unknown, bodyLimit?: number): InputFault | null {
  const { statusCode, code, message } = (error ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  const text = typeof message === 'string' ? message : 'The request is not valid';
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalid('body', `is not valid JSON: ${text}`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return invalid('content-length', 'does not match the length of the body');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: CommonErrorCode.PayloadTooLarge,
        message: bodyLimit ? `The body is larger than the ${bodyLimit} bytes this API takes` : 'The body is larger than this API takes',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: InputErrorCode.UnsupportedMediaType, message: `${text}: this route takes application/json` };
    case 'FST_ERR_BAD_URL':
      return invalid('url', 'is not validly percent-encoded');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, code: InputErrorCode.UriTooLong, message: 'A path parameter is too long' };
    default:
      // A SyntaxError from the JSON parser (prototype poisoning) or another Fastify 4xx.
      if (error instanceof SyntaxError) return invalid('body', text);
      return { status: statusCode, code: httpCode(statusCode), message: text };
  }
}

export function httpCode(status: number): string {
  switch (status) {
    case 400:
      return CommonErrorCode.ValidationFailed;
    case 401:
      return CommonErrorCode.Unauthenticated;
    case 403:
      return CommonErrorCode.Forbidden;
    case 404:
      return CommonErrorCode.NotFound;
    case 413:
      return CommonErrorCode.PayloadTooLarge;
    case 414:
      return InputErrorCode.UriTooLong;
    case 415:
      return InputErrorCode.UnsupportedMediaType;
    case 429:
      return CommonErrorCode.RateLimited;
    default:
      return `HTTP_${status}`;
  }
}

const RAW_URL_OK = /^[\x21-\x7e]*$/;

/**
 * What the request line itself gets wrong, before any route looks at it: raw bytes outside printable ASCII (a URL
 * must be percent-encoded, RFC 3986) and query parameters whose percent-encoding does not decode to UTF-8 (Fastify's
 * query parser would keep them as they came).
 */
export function urlFault(rawUrl: string): InputFault | null {
  if (!RAW_URL_OK.test(rawUrl)) return invalid('url', 'must be percent-encoded ASCII (RFC 3986)');
  const query = rawUrl.indexOf('?');
  if (query < 0) return null;
  const malformed = new Set<string>();
  for (const part of rawUrl.slice(query + 1).split('&')) {
    const [key, value = ''] = part.split('=', 2);
    if (decode(key) === null || decode(value) === null) malformed.add(decode(key) || 'query');
  }
  if (malformed.size === 0) return null;
  return {
    status: 400,
    code: CommonErrorCode.ValidationFailed,
    message: 'The query string is not validly percent-encoded',
    fields: [...malformed].map((field) => ({ field, reasons: ['is not validly percent-encoded UTF-8'] })),
  };
}

function decode(component: string): string | null {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** A fault as it goes out: status, content type and body, in the envelope of the URL's API. */
export interface RenderedFault {
  status: number;
  contentType: string;
  body: string;
}

export type FaultRenderer = (url: string, fault: InputFault, correlationId?: string) => RenderedFault;

function replyWith(render: FaultRenderer, request: FastifyRequest, reply: FastifyReply, fault: InputFault): void {
  const out = render(request.url, fault, (request as FastifyRequest & { correlationId?: string }).correlationId);
  void reply.status(out.status).header('Content-Type', out.contentType).send(out.body);
}

/**
 * The Fastify options that make every fault raised before a route (a URL the router or Node's HTTP parser cannot
 * read) answer like any other error. `bodyLimit` is what one bus message can carry, less room for the envelope.
 */
export function inputOptions(bodyLimit: number, render: FaultRenderer): Pick<FastifyServerOptions, 'bodyLimit' | 'frameworkErrors' | 'clientErrorHandler'> {
  return {
    bodyLimit,
    frameworkErrors: (error, request, reply) => replyWith(render, request, reply, frameworkFault(error, bodyLimit) ?? invalid('url', 'is not a valid URL')),
    // Node's parser refused the request line or headers (raw non-ASCII in the URL, say): no request object exists,
    // the answer is written on the socket, which is then closed, as Node does.
    clientErrorHandler: (error, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      // Fastify types rawPacket as the JSON of a Buffer; Node hands the Buffer itself.
      const packet = (error as { rawPacket?: unknown }).rawPacket;
      const target = /^[A-Z]+ (\S+)/.exec(Buffer.isBuffer(packet) ? packet.toString('latin1') : '')?.[1] ?? '/';
      const fault: InputFault =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? { status: 431, code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large' }
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? { status: 408, code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time' }
            : invalid('url', 'must be a valid HTTP request line with a percent-encoded ASCII URL (RFC 3986)', 'The request could not be read');
      const out = render(target.replace(/[^\x21-\x7e]/g, '?'), fault);
      if (socket.writable) {
        socket.write(`HTTP/1.1 ${out.status} ${STATUS_CODES[out.status] ?? 'Error'}\r\nContent-Type: ${out.contentType}\r\nContent-Length: ${Buffer.byteLength(out.body)}\r\nConnection: close\r\n\r\n${out.body}`);
      }
      socket.destroy();
    },
  };
}

export function installInputGuards(fastify: FastifyInstance, render: FaultRenderer): void {
  // JSON routes take JSON only: Fastify's built-in text/plain parser would hand a string to a DTO (415 instead).
  fastify.removeContentTypeParser('text/plain');
  // The gateway's own body parsers (Nest's are switched off: `bodyParser: false`). JSON with Fastify's parser
  // (prototype poisoning refused), its errors as a validation error naming the body — Nest would turn them into a
  // bare 400; forms (Open311) as Nest parsed them.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, { ...parseForm(String(body)) }));
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, String(body), (error, value) => {
      if (!error) return done(null, value);
      const reason = (error as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'must not be empty when the content type is application/json' : `is not valid JSON (${error.message})`;
      done(AppError.validation([{ field: 'body', reasons: [reason] }], `The body ${reason}`));
    });
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const fault = urlFault(request.raw.url ?? '');
    if (fault) return replyWith(render, request, reply, fault);
    done();
  });
}
