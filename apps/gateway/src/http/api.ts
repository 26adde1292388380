/** Every API route lives under this prefix; health, metrics and docs do not. */
export const API_PREFIX = 'api/v1';
export const CORRELATION_HEADER = 'x-correlation-id';
