import { SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { IDEMPOTENT_OPTIONS, IdempotencyInterceptor, type IdempotentOptions } from './idempotency.interceptor';

/**
 * Marks a create's bus handler: a request carrying an Idempotency-Key (the `gridline-idempotency-key` header,
 * which the gateway fills from the HTTP header) runs once per caller and key — a retry gets the first answer and
 * creates nothing, the same key with another request is 422 IDEMPOTENCY_KEY_REUSED. See docs/messaging.md.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(SetMetadata(IDEMPOTENT_OPTIONS, options), UseInterceptors(IdempotencyInterceptor));
}
