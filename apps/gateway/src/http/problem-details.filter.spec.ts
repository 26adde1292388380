import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { AppError, CommonErrorCode, type ErrorKind } from '@gridline/platform';
import { ProblemDetailsFilter, statusOf, type ProblemDetails } from './problem-details.filter';

function capture(exception: unknown): { status: number; headers: Record<string, string>; body: ProblemDetails } {
  const sent: { status: number; headers: Record<string, string>; body?: ProblemDetails } = { status: 0, headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: ProblemDetails) {
      sent.body = body;
      return reply;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ url: '/api/v1/units', correlationId: 'c-1' }), getResponse: () => reply }) };
  new ProblemDetailsFilter().catch(exception, host as unknown as ArgumentsHost);
  return sent as { status: number; headers: Record<string, string>; body: ProblemDetails };
}

describe(ProblemDetailsFilter.name, () => {
  // The filter logs unexpected errors; keep the test output for failures.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new Logger()));

  it.each<[ErrorKind, number]>([
    ['validation', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['rule_violation', 422],
    ['too_large', 413],
    ['rate_limited', 429],
    ['unavailable', 503],
    ['timeout', 504],
    ['internal', 500],
  ])('maps a %s error to %i', (kind, status) => {
    expect(statusOf(kind)).toBe(status);
  });

  it('answers problem+json with the code, the fields at fault and the correlation id', () => {
    const { status, headers, body } = capture(AppError.validation([{ field: 'name', reasons: ['name should not be empty'] }]));
    expect(status).toBe(400);
    expect(headers['Content-Type']).toContain('application/problem+json');
    expect(body).toMatchObject({
      type: 'https://gridline.dev/problems/validation-failed',
      title: 'Bad Request',
      code: 'VALIDATION_FAILED',
      instance: '/api/v1/units',
      correlationId: 'c-1',
      errors: [{ field: 'name', reasons: ['name should not be empty'] }],
    });
  });

  it('names the service that is unavailable', () => {
    const { status, body } = capture(new AppError('SERVICE_UNAVAILABLE', 'unavailable', 'The hotline service is not available', { service: 'hotline' }));
    expect(status).toBe(503);
    expect(body).toMatchObject({ service: 'hotline', detail: 'The hotline service is not available' });
  });

  it('answers a service\'s statement timeout, as the bus brings it, with 504 naming the service and the limit', () => {
    const envelope = { code: CommonErrorCode.StatementTimeout, kind: 'timeout' as const, message: 'The analytics service gave up the query after 5000 ms (statement timeout)', details: { service: 'analytics', reason: 'statement_timeout', timeoutMs: 5000 } };
    const { status, body } = capture(AppError.fromEnvelope(envelope));
    expect(status).toBe(504);
    expect(body).toMatchObject({ title: 'Gateway Timeout', code: 'STATEMENT_TIMEOUT', service: 'analytics', detail: envelope.message, details: { reason: 'statement_timeout', timeoutMs: 5000 } });
    expect(body.errorId).toBeUndefined();
  });

  it('hides an unexpected error behind an error id', () => {
    const { status, body } = capture(new Error('connection string postgres://secret@db'));
    expect(status).toBe(500);
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('asks for a bearer token on 401 and keeps the status of framework errors', () => {
    expect(capture(new AppError('UNAUTHENTICATED', 'unauthenticated', 'no token')).headers['WWW-Authenticate']).toBe('Bearer');
    expect(capture(new NotFoundException('Cannot GET /nope')).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(capture(new BadRequestException('bad')).status).toBe(400);
    expect(capture(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 })).body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
