import { Injectable, UseInterceptors, applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { RequestContext } from '@gridline/platform';
import { IDEMPOTENCY_KEY_HTTP_HEADER, IDEMPOTENCY_KEY_PATTERN, assertIdempotencyKey } from '@gridline/messaging';

/**
 * Takes the client's Idempotency-Key of a create: checks it (400 naming the header) and runs the route in a
 * request context that carries it, so that the bus client passes it on to the service, whose `@Idempotent()`
 * handler does the rest.
 */
@Injectable()
export class IdempotencyKeyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { headers } = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const key = headers[IDEMPOTENCY_KEY_HTTP_HEADER.toLowerCase()];
    if (key === undefined) return next.handle();
    assertIdempotencyKey(key);
    const store = { correlationId: RequestContext.newCorrelationId(), ...RequestContext.current(), idempotencyKey: key };
    return new Observable((subscriber) => RequestContext.run(store, () => next.handle().subscribe(subscriber)));
  }
}

/**
 * A create route: takes an optional Idempotency-Key (documented in the OpenAPI document) and makes retries safe.
 * The 422 is told in the header's description: a method-level response would hide the route's default 201.
 */
export function IdempotentCreate(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HTTP_HEADER,
      required: false,
      schema: { type: 'string', minLength: 8, maxLength: 128, pattern: IDEMPOTENCY_KEY_PATTERN.source },
      description:
        'A key of your own (a UUID) for this create. A retry with the same key and body (e.g. after a 504) creates nothing and ' +
        'answers the first answer again; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED. Keys are yours alone ' +
        'and are remembered for 24 hours by default (the services\' IDEMPOTENCY_KEY_TTL_HOURS).',
    }),
    UseInterceptors(IdempotencyKeyInterceptor),
  );
}
