import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { MikroORM, RequestContext as OrmContext } from '@mikro-orm/core';
import { Observable } from 'rxjs';
import { RequestContext } from '@gridline/platform';
import { CORRELATION_HEADER } from './headers';

/**
 * Runs each bus message in its own correlation context and its own MikroORM identity map
 * (message handlers get no request context of their own).
 */
@Injectable()
export class BusContextInterceptor implements NestInterceptor {
  constructor(private readonly orm: MikroORM) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const nats = context.switchToRpc().getContext<NatsContext>();
    const correlationId = nats.getHeaders?.()?.get(CORRELATION_HEADER) || RequestContext.newCorrelationId();
    return new Observable((subscriber) =>
      RequestContext.run({ correlationId }, () =>
        OrmContext.create(this.orm.em, () => {
          next.handle().subscribe(subscriber);
        }),
      ),
    );
  }
}
