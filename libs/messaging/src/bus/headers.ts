export const CORRELATION_HEADER = 'gridline-correlation-id';
