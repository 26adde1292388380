import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NatsContext } from '@nestjs/microservices';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { IDEMPOTENCY_KEY_HEADER } from '../bus/headers';
import { busCallerOf } from '../bus/bus-caller.decorator';
import { assertIdempotencyKey } from './idempotency-key';
import { IdempotencyStore } from './idempotency-store';

export interface IdempotentOptions {
  /** Turns the stored first answer into the answer of a replay (e.g. to say `replayed: true`). */
  replay?: (answer: never) => unknown;
}

export const IDEMPOTENT_OPTIONS = 'gridline:idempotent';

/** Where `@MessagePattern()` keeps its patterns (`PATTERN_METADATA` of @nestjs/microservices). */
const PATTERN_METADATA = 'microservices:pattern';

/**
 * Makes a bus handler idempotent for requests that carry an Idempotency-Key header (see `@Idempotent()`):
 * the key is checked, scoped to the caller, and the handler runs inside `IdempotencyStore.once`. A request
 * without the header runs as before.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const nats = context.switchToRpc().getContext<NatsContext>();
    const key = nats.getHeaders?.()?.get(IDEMPOTENCY_KEY_HEADER);
    if (!key) return next.handle();
    assertIdempotencyKey(key);
    const caller = busCallerOf(context);
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT_OPTIONS, context.getHandler()) ?? {};
    const operation = this.patternOf(context) ?? nats.getSubject();
    const payload = context.switchToRpc().getData();
    return from(
      this.store
        .once({ actor: caller.sub, key, operation, payload }, () => lastValueFrom(next.handle(), { defaultValue: undefined }))
        .then(({ answer, replayed }) => (replayed && options.replay ? options.replay(answer as never) : answer)),
    );
  }

  /** The handler's request pattern (`registry.unit.create`), as `@MessagePattern` recorded it. */
  private patternOf(context: ExecutionContext): string | undefined {
    const patterns = this.reflector.get<unknown>(PATTERN_METADATA, context.getHandler());
    const first = Array.isArray(patterns) ? patterns[0] : patterns;
    return typeof first === 'string' ? first : undefined;
  }
}
