/**
 * How an error should be understood at any edge (bus, HTTP). Each edge maps a kind to its own
 * representation in one exhaustive switch; the domain never knows about HTTP.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'too_large'
  | 'unsupported_media'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'internal';

/** A field at fault in a request, with the reasons. */
export interface FieldError {
  field: string;
  reasons: string[];
}

/** The envelope in which an error crosses the bus. */
export interface ErrorEnvelope {
  code: string;
  kind: ErrorKind;
  message: string;
  details?: Record<string, unknown>;
}

/** A domain or platform error with a stable code. Services throw these; edges map them. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static validation(fields: FieldError[], message = 'The request is not valid'): AppError {
    return new AppError(CommonErrorCode.ValidationFailed, 'validation', message, { fields });
  }

  static fromEnvelope(envelope: ErrorEnvelope): AppError {
    return new AppError(envelope.code, envelope.kind, envelope.message, envelope.details);
  }

  toEnvelope(): ErrorEnvelope {
    return { code: this.code, kind: this.kind, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

/** Codes shared by every service; each service adds its own in its contracts library. */
export const CommonErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  ServiceTimeout: 'SERVICE_TIMEOUT',
  /** A service gave up its own query after its statement timeout (`timeout`); `details.service`, `details.timeoutMs` say which and how long. */
  StatementTimeout: 'STATEMENT_TIMEOUT',
  Internal: 'INTERNAL_ERROR',
  /** The Idempotency-Key was used before by the same caller for a different request. */
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  /** An upload beyond a configured size or row limit (`too_large`). */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** Content of a type the route does not take, judged by its bytes (`unsupported_media`): a text file named .jpg. */
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  /** Too many requests of a kind in a window (`rate_limited`); `details.retryAfterSeconds` says when to retry. */
  RateLimited: 'RATE_LIMITED',
} as const;

const KINDS: readonly ErrorKind[] = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rule_violation',
  'too_large',
  'unsupported_media',
  'rate_limited',
  'unavailable',
  'timeout',
  'internal',
];

/**
 * The kinds of a refused command: the same request fails the same way again, so a consumer records it and goes on
 * instead of retrying. Unavailable, timeout, internal and anything that is not an `AppError` (a lost connection, an
 * optimistic-lock clash) are transient.
 */
const PERMANENT_KINDS: readonly ErrorKind[] = ['validation', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'rule_violation', 'unsupported_media'];

export function isPermanentError(error: unknown): error is AppError {
  return error instanceof AppError && PERMANENT_KINDS.includes(error.kind);
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && KINDS.includes(v.kind as ErrorKind);
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
