export const CORRELATION_HEADER = 'gridline-correlation-id';
/** The client's Idempotency-Key of a create, passed on by the gateway (see `@Idempotent()`). */
export const IDEMPOTENCY_KEY_HEADER = 'gridline-idempotency-key';
/** W3C Trace Context: the span of the request's sender (libs/platform/src/tracing). */
export const TRACEPARENT_HEADER = 'traceparent';
