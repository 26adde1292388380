import { randomUUID } from 'node:crypto';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, CommonErrorCode, assertNever, type ErrorKind, type FieldError } from '@gridline/platform';
import { Open311ExceptionFilter, isOpen311Url } from '../open311/open311-exception.filter';
import { frameworkFault, httpCode, type InputFault, type RenderedFault } from './framework-errors';

/** RFC 9457 problem details, with Gridline's stable `code`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  correlationId?: string;
  /** For validation problems: each field at fault with its reasons. */
  errors?: FieldError[];
  /** For unexpected errors: quote it to the operators; the detail is in their log. */
  errorId?: string;
  /** For 503/504: the service that did not answer. */
  service?: string;
  /** What the service said beside the message (ids, states, allowed actions; never personal data). */
  details?: Record<string, unknown>;
}

export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'validation':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'rule_violation':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'too_large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'unsupported_media':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'rate_limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'timeout':
      return HttpStatus.GATEWAY_TIMEOUT;
    case 'internal':
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      return assertNever(kind);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Every error leaves the gateway as application/problem+json; nothing internal leaks. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Gateway');
  private readonly open311 = new Open311ExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & { correlationId?: string }>();
    const reply = http.getResponse<FastifyReply>();
    // What fails under /open311/v2/ before its controller (an unknown resource, a body Fastify refused) is Open311's.
    if (isOpen311Url(request.url)) return this.open311.catch(exception, host);
    const problem = this.toProblem(exception, request.url);
    problem.correlationId = request.correlationId;
    if (problem.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof AppError) {
      const status = statusOf(exception.kind);
      if (status === 500) return this.unexpected(exception, instance, exception.details?.errorId as string | undefined);
      const { fields, service, ...rest } = (exception.details ?? {}) as { fields?: FieldError[]; service?: string } & Record<string, unknown>;
      return {
        ...base(status, exception.code, instance, exception.message),
        ...(fields ? { errors: fields } : {}),
        ...(service && status >= 500 ? { service } : {}),
        ...(Object.keys(rest).length > 0 ? { details: rest } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) return this.unexpected(exception, instance);
      return base(status, httpCode(status), instance, exception.message);
    }
    // Fastify's own errors (bad JSON, wrong content type, body too large) carry a 4xx statusCode.
    const fault = frameworkFault(exception);
    if (fault) return problemOf(fault, instance);
    return this.unexpected(exception, instance);
  }

  private unexpected(exception: unknown, instance: string, knownId?: string): ProblemDetails {
    const errorId = knownId ?? randomUUID();
    this.logger.error({ msg: 'unexpected error', errorId, err: exception });
    return { ...base(500, CommonErrorCode.Internal, instance, `An unexpected error occurred (error id ${errorId})`), errorId };
  }
}

function base(status: number, code: string, instance: string, detail: string): ProblemDetails {
  return {
    type: `https://gridline.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
  };
}

/** The problem+json of a fault found before (or outside) any handler. */
export function problemOf(fault: InputFault, instance: string): ProblemDetails {
  return { ...base(fault.status, fault.code, instance, fault.message), ...(fault.fields ? { errors: fault.fields } : {}) };
}

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A fault raised before routing, in the envelope of the URL's API: Open311's own under /open311/v2/, else problem+json. */
export function renderFault(url: string, fault: InputFault, correlationId?: string): RenderedFault {
  if (isOpen311Url(url)) return Open311ExceptionFilter.renderFault(url, fault);
  const problem = problemOf(fault, url);
  if (correlationId) problem.correlationId = correlationId;
  return { status: fault.status, contentType: PROBLEM_CONTENT_TYPE, body: JSON.stringify(problem) };
}
