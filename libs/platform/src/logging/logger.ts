import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { parseTraceparent } from '../tracing/tracing';
import { RequestContext } from '../context/request-context';
import { scrubSqlText, serializeError } from './log-errors';

/**
 * Keys whose values are personal data or secrets: never written to a log, at any depth we log (four levels below the
 * line), whatever their case. Both spellings — the API's camelCase and the database's snake_case (rows, results).
 */
export const SENSITIVE_LOG_KEYS = [
  // ID numbers, phones and their ciphertexts and blind indexes (keyed hashes)
  ...['idNumber', 'idNumberEnc', 'idNumberIndex', 'id_number', 'id_number_enc', 'id_number_index'],
  ...['phone', 'phoneEnc', 'phoneIndex', 'phone_enc', 'phone_index', 'mobile', 'personPhone', 'contactPhone', 'contactPhoneEnc', 'contactPhoneIndex'],
  ...['callerPhone', 'callerPhoneEnc', 'callerPhoneIndex', 'caller_phone', 'caller_phone_enc', 'caller_phone_index', 'email'],
  // names of residents, callers and contacts, birth dates, addresses and free text
  ...['name', 'callerName', 'caller_name', 'personName', 'contactName', 'contact_name', 'first_name', 'last_name', 'firstName', 'lastName'],
  ...['birthDate', 'birth_date', 'address', 'address_string', 'addressString', 'content', 'description', 'replyText'],
  // query values, which hold any of the above
  ...['params', 'parameters', 'bindings'],
  // secrets
  ...['password', 'secret', 'token', 'accessToken', 'authorization', 'cookie', 'apiKey', 'api_key', 'x-api-key', 'x-gridline-caller', 'gridline-caller'],
];
const SENSITIVE = new Set(SENSITIVE_LOG_KEYS.map((k) => k.toLowerCase()));
const REDACTED = '[redacted]';
const MAX_REDACT_DEPTH = 5;

/**
 * A copy of a log line's fields with every sensitive key's value replaced. One walk over the (small) object: pino's
 * path-based `redact` needs a wildcard path per key and depth, and with this many keys costs ~100 times more.
 * Errors are left to their serializer (log-errors.ts), which keeps no data fields.
 */
export function redactPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Error || depth > MAX_REDACT_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value; // Dates, Buffers, class instances: as pino writes them
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = SENSITIVE.has(key.toLowerCase()) && field !== undefined && field !== null ? REDACTED : redactPersonalData(field, depth + 1);
  }
  return out;
}

export type AppLogger = Logger;

/** The structured JSON logger: one per process, correlated through RequestContext. */
export function createLogger(service: string, level = 'info', destination?: pino.DestinationStream): AppLogger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors without the values of a failed query (see log-errors.ts); `reason` is an error's message.
      serializers: { err: serializeError, error: serializeError, reason: serializeError },
      formatters: { level: (label) => ({ level: label }), log: (fields) => redactPersonalData(fields) as Record<string, unknown> },
      mixin() {
        const ctx = RequestContext.current();
        // The trace's id and the span's (W3C Trace Context), so that a log line is found from a trace and back.
        const span = parseTraceparent(ctx?.traceparent);
        return ctx ? { correlationId: ctx.correlationId, ...(ctx.causationId ? { causationId: ctx.causationId } : {}), ...(span ? { traceId: span.traceId, spanId: span.spanId } : {}) } : {};
      },
    },
    destination,
  );
}

/** Nest's logger interface on top of pino, so that framework messages are structured too. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    // Nest passes the context (class name) last; an error's stack may come before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, scrubSqlText(message.message));
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as object) });
    } else {
      // Nest's own handlers pass an error's message and stack as text: they may hold a failed statement.
      const stack = rest.length > 1 && typeof rest[0] === 'string' ? scrubSqlText(rest[0]) : undefined;
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, scrubSqlText(String(message)));
    }
  }
}
