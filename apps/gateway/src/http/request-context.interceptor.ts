import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { RequestContext } from '@gridline/platform';

/** Runs each HTTP request in its correlation context, so that bus requests and logs carry the id, and its span (the gateway's onRequest hook) their parent. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ correlationId?: string; traceparent?: string }>();
    const correlationId = request.correlationId ?? RequestContext.newCorrelationId();
    return new Observable((subscriber) => RequestContext.run({ correlationId, traceparent: request.traceparent }, () => next.handle().subscribe(subscriber)));
  }
}
