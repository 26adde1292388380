import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { MikroORM, RequestContext as OrmContext } from '@mikro-orm/core';
import { Observable, from, switchMap, tap } from 'rxjs';
import { MetricsRegistry, RequestContext, SpanKind, endSpan, startSpan, traceparentOf } from '@gridline/platform';
import { CALLER_HEADER, CallerVerifier } from '@gridline/auth';
import { setVerifiedCaller } from './bus-caller.decorator';
import { busErrorCode } from './bus-exception.filter';
import { CORRELATION_HEADER, TRACEPARENT_HEADER } from './headers';

/**
 * Before any handler runs: verifies the request's signed caller (refused UNAUTHENTICATED, and nothing happens, when it
 * is missing, expired, tampered, for another service or request, or signed by a key this service does not trust).
 * Then runs the message in its own correlation context and its own MikroORM identity map (message handlers get no
 * request context of their own), in a span of its own, child of the sender's (`traceparent`). Counts each request's
 * outcome and time (`gridline_bus_handled_*`: the service's RED).
 */
@Injectable()
export class BusContextInterceptor implements NestInterceptor {
  constructor(
    private readonly orm: MikroORM,
    private readonly verifier: CallerVerifier,
    private readonly metrics: MetricsRegistry,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const nats = context.switchToRpc().getContext<NatsContext>();
    const headers = nats.getHeaders?.();
    const correlationId = headers?.get(CORRELATION_HEADER) || RequestContext.newCorrelationId();
    const patterns = (Reflect.getMetadata(PATTERN_METADATA, context.getHandler()) as unknown[] | undefined) ?? [];
    const pattern = typeof patterns[0] === 'string' ? patterns[0] : '';
    const timer = this.metrics.busHandledSeconds.startTimer({ pattern });
    const parent = headers?.get(TRACEPARENT_HEADER) || undefined;
    const span = startSpan({ service: this.verifier.audience, name: pattern, kind: SpanKind.SERVER, parent, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': pattern } });
    const traceparent = traceparentOf(span, parent);
    const handled = (outcome: string) => {
      timer();
      this.metrics.busHandled.inc({ pattern, outcome });
      endSpan(span, outcome === 'ok' ? undefined : outcome, { 'gridline.outcome': outcome });
    };
    return from(this.verifier.verify(headers?.get(CALLER_HEADER) || undefined, pattern)).pipe(
      switchMap(
        (caller) =>
          new Observable((subscriber) => {
            setVerifiedCaller(nats, caller);
            RequestContext.run({ correlationId, traceparent }, () =>
              OrmContext.create(this.orm.em, () => {
                next.handle().subscribe(subscriber);
              }),
            );
          }),
      ),
      tap({ complete: () => handled('ok'), error: (error: unknown) => handled(busErrorCode(error)) }),
    );
  }
}
