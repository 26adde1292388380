import { AppError, CommonErrorCode } from '@gridline/platform';

/** The HTTP header a client sends with a create (RFC draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_KEY_HTTP_HEADER = 'Idempotency-Key';

/** 8 to 128 visible ASCII characters: a UUID v4 is the recommended value. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,128}$/;

const REASON = 'must be 8 to 128 visible ASCII characters (a UUID is best)';

/** A key the client sent, checked at every edge: a malformed one is a 400 naming the header. */
export function assertIdempotencyKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw AppError.validation([{ field: IDEMPOTENCY_KEY_HTTP_HEADER, reasons: [REASON] }], `The ${IDEMPOTENCY_KEY_HTTP_HEADER} header is not valid`);
  }
}

/** The same key used by the same caller for a different request: 422 IDEMPOTENCY_KEY_REUSED naming the header. */
export function idempotencyKeyReused(): AppError {
  return new AppError(
    CommonErrorCode.IdempotencyKeyReused,
    'rule_violation',
    `This ${IDEMPOTENCY_KEY_HTTP_HEADER} was used for a different request: send a new key for a new request`,
    { header: IDEMPOTENCY_KEY_HTTP_HEADER },
  );
}
