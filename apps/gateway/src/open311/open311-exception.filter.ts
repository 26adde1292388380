import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, assertNever, type ErrorKind, type FieldError } from '@gridline/platform';
import { Open311Error, type Open311ErrorItem } from './open311-error';
import { OPEN311_CONTENT_TYPES, formatOfUrl, renderOpen311 } from './open311-format';
import { frameworkFault, type InputFault, type RenderedFault } from '../http/framework-errors';

export const OPEN311_PATH = '/open311/v2/';

export function isOpen311Url(url: string): boolean {
  return url.startsWith(OPEN311_PATH);
}

/**
 * Every error of the Open311 routes in the specification's format (`<errors><error>` or `[{code, description}]`),
 * in the format the URL asked for, instead of the API's problem+json.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    send(request, reply, this.toOpen311(exception));
  }

  /** A fault raised before routing (a bad URL, an unsupported body), in the specification's format. */
  static renderFault(url: string, fault: InputFault): RenderedFault {
    const error = fromFault(fault);
    const format = formatOfUrl(url);
    return { status: error.status, contentType: OPEN311_CONTENT_TYPES[format], body: renderOpen311(format, 'errors', error.errors) };
  }

  private toOpen311(exception: unknown): Open311Error {
    if (exception instanceof Open311Error) return exception;
    if (exception instanceof AppError) return this.fromAppError(exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 403 || status === 404) return new Open311Error(status, [{ code: status, description: exception.message }]);
      if (status < 500) return new Open311Error(400, [{ code: status, description: exception.message }]);
      return this.unexpected(exception);
    }
    // Fastify's own errors (a body that is not form-encoded, too large, a bad content type) carry a 4xx statusCode.
    const fault = frameworkFault(exception);
    if (fault) return fromFault(fault);
    return this.unexpected(exception);
  }

  private fromAppError(error: AppError): Open311Error {
    const kind: ErrorKind = error.kind;
    switch (kind) {
      case 'validation': {
        const fields = (error.details?.fields as FieldError[] | undefined) ?? [];
        const items: Open311ErrorItem[] = fields.length ? fields.map((f) => ({ code: 400, description: `${f.field}: ${f.reasons.join('; ')}` })) : [{ code: 400, description: error.message }];
        return new Open311Error(400, items);
      }
      case 'unauthenticated':
      case 'forbidden':
        return Open311Error.forbidden(error.message);
      case 'not_found':
        return Open311Error.notFound(error.message);
      case 'conflict':
      case 'rule_violation':
        return Open311Error.badRequest(error.message);
      case 'too_large':
        return new Open311Error(400, [{ code: 413, description: error.message }]);
      case 'unsupported_media':
        return new Open311Error(400, [{ code: 415, description: error.message }]);
      case 'rate_limited':
        return new Open311Error(429, [{ code: 429, description: error.message }]);
      // The specification answers 400 for "any failure during processing, eg CRM is down"; the body's code says which.
      case 'unavailable':
        return new Open311Error(400, [{ code: 503, description: 'The 12345 hotline is not available at the moment; try again later' }]);
      case 'timeout':
        return new Open311Error(400, [{ code: 504, description: 'The 12345 hotline did not answer in time; try again later' }]);
      case 'internal':
        return this.unexpected(error);
      default:
        return assertNever(kind);
    }
  }

  private unexpected(exception: unknown): Open311Error {
    const errorId = randomUUID();
    this.logger.error({ msg: 'unexpected error', errorId, err: exception });
    return new Open311Error(400, [{ code: 500, description: `An unexpected error occurred (error id ${errorId})` }]);
  }
}

function send(request: FastifyRequest, reply: FastifyReply, error: Open311Error): void {
  const format = formatOfUrl(request.url);
  void reply.status(error.status).header('Content-Type', OPEN311_CONTENT_TYPES[format]).send(renderOpen311(format, 'errors', error.errors));
}

/** 404 and 403 as they are; any other fault is the specification's 400, its own status kept as the error's code. */
function fromFault(fault: InputFault): Open311Error {
  if (fault.status === 404) return Open311Error.notFound(fault.message);
  if (fault.status === 401 || fault.status === 403) return Open311Error.forbidden(fault.message);
  if (fault.fields?.length) return new Open311Error(400, fault.fields.map((f) => ({ code: fault.status, description: `${f.field}: ${f.reasons.join('; ')}` })));
  return new Open311Error(400, [{ code: fault.status, description: fault.message }]);
}
